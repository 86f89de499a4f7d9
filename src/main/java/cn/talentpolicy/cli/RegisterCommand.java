package cn.talentpolicy.cli;

import cn.talentpolicy.register.ChainCheck;
import cn.talentpolicy.storage.Database;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./talent register verify}: checks the decision register's hash chain, from its first record to its head. */
@Command(name = "register", description = "The decision register.", subcommands = RegisterCommand.Verify.class)
public class RegisterCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Checks every record of the decision register against the hash chain and names the first"
                    + " record that breaks it. Exit code 0: intact; 1: broken; 2: the register cannot be read.",
                    "Reads the service's own settings from the environment where they are set there"
                            + " (SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD,"
                            + " TALENT_DATA_DIR). The embedded register can be read only while the service is"
                            + " stopped; while it runs, ask it: GET /api/v1/decisions/verification."})
    static class Verify implements Callable<Integer> {

        @Option(names = "--url", description = "The register's JDBC URL (default: the embedded one under --data-dir)")
        String url = System.getenv("SPRING_DATASOURCE_URL");

        @Option(names = "--user", description = "The database user (the password is read from"
                + " SPRING_DATASOURCE_PASSWORD)")
        String user = System.getenv("SPRING_DATASOURCE_USERNAME");

        @Option(names = "--data-dir", description = "The service's data directory (default: ${DEFAULT-VALUE})")
        Path dataDir = Path.of(System.getenv().getOrDefault("TALENT_DATA_DIR", "data"));

        @Override
        public Integer call() {
            boolean embedded = url == null || url.isBlank();
            if (embedded && !java.nio.file.Files.exists(dataDir.resolve("register").resolve("register.mv.db"))) {
                System.err.println("No register under " + dataDir.toAbsolutePath() + " (--data-dir names the"
                        + " service's data directory; --url a register in PostgreSQL)");
                return 2;
            }
            try (HikariDataSource source = new HikariDataSource()) {
                source.setJdbcUrl(embedded ? Database.embeddedUrl(dataDir) + ";IFEXISTS=TRUE" : url);
                source.setUsername(embedded ? "sa" : user);
                source.setPassword(embedded ? "" : System.getenv("SPRING_DATASOURCE_PASSWORD"));
                source.setMaximumPoolSize(1);
                source.setReadOnly(true);
                ChainCheck.Report report = ChainCheck.run(new JdbcTemplate(source),
                        new TransactionTemplate(new DataSourceTransactionManager(source)));
                if (report.intact()) {
                    System.out.println("The register is intact: " + report.records() + " records, the last "
                            + report.headSeq() + " with hash " + report.headHash());
                    return 0;
                }
                ChainCheck.Broken broken = report.firstBroken();
                System.out.println("The register is broken at record " + broken.seq()
                        + (broken.id() == null ? "" : " (" + broken.id() + ")") + ": " + broken.problem()
                        + ". " + (broken.seq() == 1 ? "It is the first record."
                        : broken.seq() == 2 ? "The record before it is intact."
                        : "The " + (broken.seq() - 1) + " records before it are intact."));
                return 1;
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                String why = String.valueOf(root.getMessage());
                System.err.println(why.contains("Database may be already in use") || why.contains("locked")
                        ? "The embedded register is in use by the running service: stop it first, or ask the"
                        + " service (GET /api/v1/decisions/verification, as an auditor)"
                        : "Cannot read the register: " + why);
                return 2;
            }
        }
    }
}
