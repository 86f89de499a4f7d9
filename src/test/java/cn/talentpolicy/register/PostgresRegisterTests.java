package cn.talentpolicy.register;

import java.nio.file.Path;

/** The register on a real PostgreSQL server (test.sh starts one; TALENT_TEST_POSTGRES_URL names it). */
class PostgresRegisterTests extends DecisionRegisterContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.postgres();
    }
}
