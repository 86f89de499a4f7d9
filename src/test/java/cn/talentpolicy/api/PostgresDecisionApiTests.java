package cn.talentpolicy.api;

import cn.talentpolicy.register.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The register's API on a real PostgreSQL, configured as a bureau would: spring.datasource.url alone. */
class PostgresDecisionApiTests extends DecisionRegisterApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newPostgresSchema();
        registry.add("spring.datasource.url", () -> url);
    }
}
