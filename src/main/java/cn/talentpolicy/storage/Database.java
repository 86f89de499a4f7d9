package cn.talentpolicy.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The database the service records in: the decision register, the certifications and the sweep jobs. With no
 * {@code spring.datasource.url}, an H2 database in {@code <data-dir>/register/} (created at the first start, the
 * service user's only like everything in the data directory); PostgreSQL (or another database Flyway and the
 * JDBC driver know) by setting {@code spring.datasource.url}, {@code .username} and {@code .password}. Flyway
 * brings either to the schema in {@code db/migration} at start.
 */
@Configuration(proxyBeanMethods = false)
public class Database {

    /**
     * The embedded default's URL. Every commit is written to the file when it is made ({@code WRITE_DELAY=0}: a
     * decision answered is on disk, even if the process is killed the next moment).
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("register").resolve("register")
                + ";WRITE_DELAY=0";
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, DataDirectory data) throws java.io.IOException {
        boolean embedded = properties.getUrl() == null || properties.getUrl().isBlank();
        if (embedded) {
            DataDirectory.folder(data.root().resolve("register"));
            properties.setUrl(embeddedUrl(data.root()));
            properties.setUsername("sa");
            properties.setPassword("");
        }
        HikariDataSource source = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        if (embedded) {
            // H2 makes its file with the process's umask: open it once, then make it the service user's only
            try (java.sql.Connection first = source.getConnection()) {
                DataDirectory.restrict(data.root().resolve("register"));
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException("Cannot open the embedded register: " + e.getMessage(), e);
            }
        }
        return source;
    }
}
