package cn.talentpolicy.register;

import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.storage.Database;
import cn.talentpolicy.storage.DataDirectory;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database for tests that need one without Spring: the embedded H2 in a folder, or a schema of its own on the
 * real PostgreSQL server the tests are given ({@code TALENT_TEST_POSTGRES_URL}, which test.sh starts), migrated by
 * the service's own Flyway migrations, and dropped again at {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL = "TALENT_TEST_POSTGRES_URL";

    public final HikariDataSource dataSource;
    public final JdbcTemplate jdbc;
    public final JdbcClient sql;
    public final TransactionTemplate transactions;
    private final String schema;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private TestDatabase(String url, String schema) {
        this.schema = schema;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            dataSource.setUsername("sa"); // as the service opens its embedded database (storage.Database)
            dataSource.setPassword("");
        }
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.sql = JdbcClient.create(jdbc);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The service's embedded database, as it would be under this data directory. */
    public static TestDatabase h2(Path dataDir) {
        return new TestDatabase(Database.embeddedUrl(dataDir), null);
    }

    /** A new schema on the tests' PostgreSQL server. */
    public static TestDatabase postgres() {
        String schema = newSchema();
        return new TestDatabase(inSchema(schema), schema);
    }

    /** The JDBC URL of a new, empty schema on the tests' PostgreSQL server (for a Spring test's datasource). */
    public static String newPostgresSchema() {
        return inSchema(newSchema());
    }

    private static String newSchema() {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (HikariDataSource admin = new HikariDataSource()) {
            admin.setJdbcUrl(postgresUrl());
            new JdbcTemplate(admin).execute("create schema " + schema);
        }
        return schema;
    }

    private static String inSchema(String schema) {
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The tests' PostgreSQL server; a test that needs it fails, with what to do, where there is none. */
    public static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(POSTGRES_URL + " is not set: run the tests with ./test.sh, which starts"
                    + " a PostgreSQL server for them, or set it to a jdbc:postgresql:// URL of a database the tests"
                    + " may create schemas in");
        }
        return url;
    }

    public DecisionRegister register(Clock clock) {
        return register(new RegisterProperties(null, null, null, null, null), clock);
    }

    public DecisionRegister register(RegisterProperties properties, Clock clock) {
        DecisionRegister register = new DecisionRegister(jdbc, transactions, properties, clock);
        opened.add(register);
        return register;
    }

    public Recorder recorder(DecisionRegister register, RulesetHolder rulesets, DataDirectory data, Clock clock) {
        return new Recorder(register, new RulesetArchives(sql, rulesets, clock), data);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        if (schema != null) {
            jdbc.execute("drop schema " + schema + " cascade");
        }
        dataSource.close();
    }
}
