package cn.talentpolicy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's generate-then-sweep session, through the command line as a newcomer types it. */
class CommandLineTests {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    int talent(String... args) {
        return TalentCommand.run(args);
    }

    @Test
    void registerVerifyChecksTheChainOfTheEmbeddedRegisterAndNamesTheFirstRecordThatBreaksIt() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (cn.talentpolicy.register.TestDatabase database = cn.talentpolicy.register.TestDatabase.h2(dir)) {
            cn.talentpolicy.register.DecisionRegister register = database.register(java.time.Clock.systemUTC());
            for (int i = 0; i < 3; i++) {
                cn.talentpolicy.register.NewDecision d = new cn.talentpolicy.register.NewDecision(
                        cn.talentpolicy.register.DecisionRegister.newId(), cn.talentpolicy.register.RecordKind.EVALUATION,
                        register.now(), new cn.talentpolicy.register.Maker("an officer", "officer", "370200"),
                        "P" + i, java.time.LocalDate.of(2026, 11, 28), "sha256:0123456789abcdef",
                        cn.talentpolicy.input.CanonicalJson.digest("{}"), "[]", null, null, null, null, "{}", null);
                register.record(d);
                ids.add(d.id());
            }
        }
        assertThat(talent("register", "verify", "--data-dir", dir.toString())).as("%s", err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The register is intact: 3 records");

        try (cn.talentpolicy.register.TestDatabase database = cn.talentpolicy.register.TestDatabase.h2(dir)) {
            database.jdbc.update("update decisions set person_id = 'someone else' where id = ?", ids.get(1));
        }
        assertThat(talent("register", "verify", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("broken at record 2 (" + ids.get(1) + ")",
                "The record before it is intact.");

        assertThat(talent("register", "verify", "--data-dir", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No register under");
    }

    @Test
    void generateThenSweepWritesTheResultsAndSaysWhatItFound() throws IOException {
        Path people = dir.resolve("people.jsonl");
        Path results = dir.resolve("results");
        assertThat(talent("generate", "--people", "300", "--seed", "7", "--as-of", "2026-11-28", "--bad-rate", "0.01",
                "--out", people.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("300 people");

        assertThat(talent("sweep", "--population", people.toString(), "--as-of", "2026-11-28", "--out",
                results.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("swept 300 entries in .* rejected; .* "
                + "people can newly claim");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("not a terminal: plain lines, no bar")
                .containsPattern("\\d+ of 300 entries \\(\\d+%\\), [\\d,]+ a second, (time left not yet known|\\d+m\\d\\ds left|done)\n")
                .doesNotContain("[#", "\r");
        for (String file : new String[]{"claimable.jsonl", "rejects.jsonl", "outcomes.tsv", "summary.json",
                "summary.html"}) {
            assertThat(results.resolve(file)).exists();
        }
        assertThat(Files.readAllLines(results.resolve("outcomes.tsv")).size() - 1
                + Files.readAllLines(results.resolve("rejects.jsonl")).size()).isEqualTo(300);

        // a finished sweep is not swept over, and the message says why
        err.reset();
        assertThat(talent("sweep", "--population", people.toString(), "--as-of", "2026-11-28", "--out",
                results.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds a sweep");

        // resuming it again (a pod restarted after its shard was done) changes nothing and succeeds
        byte[] outcomes = Files.readAllBytes(results.resolve("outcomes.tsv"));
        byte[] state = Files.readAllBytes(results.resolve("sweep.json"));
        err.reset();
        assertThat(talent("sweep", "--population", people.toString(), "--as-of", "2026-11-28", "--out",
                results.toString(), "--resume")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to resume: this sweep is finished")
                .contains("people can newly claim");
        assertThat(Files.readAllBytes(results.resolve("outcomes.tsv"))).isEqualTo(outcomes);
        assertThat(Files.readAllBytes(results.resolve("sweep.json"))).isEqualTo(state);
        byte[] summary = Files.readAllBytes(results.resolve("summary.json"));
        Files.delete(results.resolve("summary.json"));
        assertThat(talent("sweep", "--population", people.toString(), "--as-of", "2026-11-28", "--out",
                results.toString(), "--resume")).as("a summary gone is written again").isZero();
        assertThat(Files.readAllBytes(results.resolve("summary.json"))).isEqualTo(summary);

        // a shard reads every entry and says how many were its own
        err.reset();
        assertThat(talent("sweep", "--population", people.toString(), "--as-of", "2026-11-28", "--shard", "0/2",
                "--out", dir.resolve("shard-0").toString())).isZero();
        long own = new ObjectMapper().readTree(dir.resolve("shard-0/summary.json").toFile()).get("entries").asLong();
        assertThat(own).isBetween(1L, 299L);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(String.format("swept %,d entries", 300),
                String.format("shard 0/2 holds %,d of the entries: ", own));

        // but not on another date, which is another sweep
        err.reset();
        assertThat(talent("sweep", "--population", people.toString(), "--as-of", "2026-11-29", "--out",
                results.toString(), "--resume")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds the finished sweep of");
    }

    @Test
    void generateWithoutAFileWritesJsonLinesToStandardOutputTheSameAsToAFile() throws IOException {
        Path people = dir.resolve("people.jsonl");
        assertThat(talent("generate", "--people", "50", "--seed", "3", "--as-of", "2026-11-28",
                "--out", people.toString())).isZero();
        assertThat(talent("generate", "--people", "50", "--seed", "3", "--as-of", "2026-11-28")).isZero();
        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(people));
    }

    @Test
    void rulesThatDoNotLoadAndAShardThatIsNotOneAreReportedInALineWithExitStatus2() throws IOException {
        Path people = dir.resolve("people.jsonl");
        talent("generate", "--people", "5", "--as-of", "2026-11-28", "--out", people.toString());
        err.reset();
        assertThat(talent("sweep", "--population", people.toString(), "--out", dir.resolve("r").toString(),
                "--rules", dir.resolve("no-rules").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a folder", "--rules").doesNotContain("\tat ");

        err.reset();
        assertThat(talent("sweep", "--population", people.toString(), "--out", dir.resolve("r").toString(),
                "--shard", "8/8")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--shard", "like 3/8");
    }

    @Test
    void aMistypedCommandPrintsTheUsageAndExits2InsteadOfStartingTheService() {
        assertThat(TalentCommand.startsService(new String[]{"sweeep"})).isFalse();
        assertThat(talent("sweeep")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument", "'sweeep'",
                "Did you mean: talent sweep", "Usage: talent", "serve (or no command) starts the service");

        assertThat(TalentCommand.startsService(new String[]{})).as("no command: the service").isTrue();
        assertThat(TalentCommand.startsService(new String[]{"--server.port=9090", "--talent.rules-dir=r"}))
                .as("only Spring Boot's settings: the service").isTrue();
        assertThat(TalentCommand.startsService(new String[]{"--help"})).isFalse();
        assertThat(TalentCommand.startsService(new String[]{"--server.port=9090", "validate"})).isFalse();
    }
}
