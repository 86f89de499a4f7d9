package cn.talentpolicy.bench;

import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.register.DecisionRegister;
import cn.talentpolicy.register.TestDatabase;
import cn.talentpolicy.storage.DataDirectory;
import cn.talentpolicy.sweeps.ClaimRecords;
import cn.talentpolicy.sweeps.Population;
import cn.talentpolicy.sweeps.SweepJob;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What recording a sweep's claims in the decision register adds to the sweep: the population is swept by
 * {@code talent sweep} in a child JVM as in {@link SweepBenchmark} (the sweep's time), then its claimable.jsonl is
 * recorded claim by claim, as the service does before a job is DONE, into a fresh embedded register and, where
 * TALENT_TEST_POSTGRES_URL names one, a PostgreSQL schema (the recording's time). The target: recording adds at
 * most 15% to the sweep.
 * <pre>mvn -Pbench-claims test-compile exec:exec [-Dsizes=1000000]</pre>
 */
public final class ClaimRecordsBenchmark {

    public static void main(String[] args) throws Exception {
        long people = java.util.Arrays.stream((args.length > 0 ? args[0] : "1000000").split(","))
                .mapToLong(s -> Long.parseLong(s.trim())).max().orElseThrow(); // the largest of the sizes
        Files.createDirectories(Path.of("target", "bench"));
        Path population = SweepBenchmark.generate(people);
        double[] sweep = SweepBenchmark.sweep(population, people);
        Path claimable = Path.of("target", "bench", "results-" + people, "claimable.jsonl");
        long claims;
        try (var lines = Files.lines(claimable)) {
            claims = lines.count();
        }
        List<String> report = new ArrayList<>();
        report.add(String.format("sweep: %,d people in %.1f s; %,d claims", (long) sweep[0], sweep[1], claims));
        report.add("| register | seconds to record the claims | claims/s | added to the sweep |");
        report.add("|---|---:|---:|---:|");
        Ruleset rules = RulesetLoader.load(Path.of("rules"));
        List<String> databases = new ArrayList<>(List.of("H2 (embedded, a file)"));
        if (System.getenv(TestDatabase.POSTGRES_URL) != null) {
            databases.add("PostgreSQL");
        }
        for (String name : databases) {
            Path folder = Files.createTempDirectory("claims-bench-");
            try (TestDatabase database = name.startsWith("H2") ? TestDatabase.h2(folder) : TestDatabase.postgres()) {
                Clock clock = Clock.systemUTC();
                DecisionRegister register = database.register(clock);
                ClaimRecords records = new ClaimRecords(database.recorder(register, new RulesetHolder(rules),
                        DataDirectory.at(folder), clock));
                SweepJob job = new SweepJob("sweep-00000000000000000001", SweepJob.Status.RUNNING,
                        LocalDate.of(2026, 11, 28), Population.Format.JSONL, Instant.now(), Instant.now(), null,
                        people, people, rules.version(), null, "370000", "bench");
                records.keep(rules);
                long started = System.nanoTime();
                records.record(job, claimable, id -> { });
                double seconds = (System.nanoTime() - started) / 1e9;
                if (register.count(job.id()) != claims) {
                    throw new IllegalStateException("recorded " + register.count(job.id()) + " of " + claims);
                }
                report.add(String.format("| %s | %.2f | %,.0f | %.1f%% |", name, seconds, claims / seconds,
                        100 * seconds / sweep[1]));
            }
        }
        rules.close();
        System.out.println();
        report.forEach(System.out::println);
    }
}
