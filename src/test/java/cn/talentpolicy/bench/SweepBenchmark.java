package cn.talentpolicy.bench;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.certification.RegistryReading;
import cn.talentpolicy.engine.EngineFloor;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.input.GovernmentRecord;
import cn.talentpolicy.sweeps.Population;
import cn.talentpolicy.sweeps.PopulationGenerator;
import cn.talentpolicy.sweeps.Sweep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The population sweep, measured in one run: {@code mvn -Pbench-sweep test-compile exec:exec} (sizes with
 * {@code -Dsizes=100000,1000000}). For each size a synthetic population is generated (seed 7, 0.1% bad entries;
 * kept in target/bench) and swept by the real command ({@code talent sweep}, every policy, reasons on, no trace)
 * in a child JVM with a 256 MB heap and the throughput collector (as {@code ./talent} runs it), whose people per second and peak RSS are reported; the cost per person of
 * the largest against the smallest size shows whether cost grows linearly. Then, in this JVM on one thread,
 * the Jinan living and rent subsidies (with the tier they rest on) are decided for the first 100,000 people by
 * the engine restricted to those policies (without and with the criteria's sentences) and by
 * {@link HandWrittenJinan}: the engine/hand-written cost ratio. Last, the engine's floor (the facts matched against
 * the rules, no rule fired) for those policies and for the whole catalogue: a lower bound on evaluating them.
 */
public final class SweepBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private static final Path FOLDER = Path.of("target", "bench");
    private static final Pattern SWEPT = Pattern.compile("swept ([\\d,]+) entries in ([\\d.]+) s .*peak memory ([\\d,]+) MB");

    public static void main(String[] args) throws Exception {
        long[] sizes = Arrays.stream((args.length > 0 ? args[0] : "100000,1000000").split(","))
                .mapToLong(s -> Long.parseLong(s.trim())).toArray();
        Files.createDirectories(FOLDER);
        List<String> report = new ArrayList<>();
        report.add("| people | seconds | people/s | peak RSS | cost per person vs " + String.format("%,d", sizes[0]) + " |");
        report.add("|---:|---:|---:|---:|---:|");
        double baseCost = 0;
        for (long size : sizes) {
            Path population = generate(size);
            double[] run = sweep(population, size);
            double perPerson = run[1] / run[0];
            if (baseCost == 0) {
                baseCost = perPerson;
            }
            report.add(String.format("| %,d | %.1f | %,.0f | %,.0f MB | %.2f |", (long) run[0], run[1], run[0] / run[1],
                    run[2], perPerson / baseCost));
        }
        report.add("");
        report.addAll(compare(generate(sizes[0]), 100_000));
        report.add("");
        report.addAll(floor(generate(sizes[0]), 100_000));
        System.out.println();
        report.forEach(System.out::println);
    }

    static Path generate(long people) throws IOException {
        Path file = FOLDER.resolve("people-" + people + ".jsonl");
        if (!Files.exists(file)) {
            long started = System.nanoTime();
            Path partial = FOLDER.resolve("people-" + people + ".jsonl.partial");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                new PopulationGenerator(7, AS_OF, 0.001).write(people, out, Population.Format.JSONL);
            }
            Files.move(partial, file);
            System.out.printf("generated %,d people in %.1f s (%,d MB)%n", people, (System.nanoTime() - started) / 1e9,
                    Files.size(file) >> 20);
        }
        return file;
    }

    /** Entries, seconds and peak RSS (MB) of {@code talent sweep} in a child JVM. */
    static double[] sweep(Path population, long size) throws IOException, InterruptedException {
        Path out = FOLDER.resolve("results-" + size);
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.walk(out)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), "cn.talentpolicy.TalentPolicyApplication",
                "sweep", "--population", population.toString(), "--as-of", AS_OF.toString(), "--out", out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("  " + line);
                Matcher m = SWEPT.matcher(line);
                if (m.find()) {
                    result = new double[]{Double.parseDouble(m.group(1).replace(",", "")), Double.parseDouble(m.group(2)),
                            Double.parseDouble(m.group(3).replace(",", ""))};
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the sweep of " + population + " failed");
        }
        return result;
    }

    /** The engine, restricted to the Jinan living and rent subsidies, against the hand-written baseline. */
    private static List<String> compare(Path population, int people) throws IOException {
        Path rules = Files.createTempDirectory("jinan-rules");
        for (String folder : List.of("common", "shandong_enclave_equal_treatment", "jinan_talent_tier",
                "jinan_living_subsidy", "jinan_rent_subsidy")) {
            TestRules.copy(Path.of("rules", folder), rules.resolve(folder));
        }
        try (Ruleset jinan = RulesetLoader.load(rules)) {
            List<PersonFacts> facts = read(jinan, population, people);
            HandWrittenJinan hand = new HandWrittenJinan(jinan.parameters());
            double[] seconds = timed(facts, List.of(
                    batch -> {
                        long eligible = 0;
                        for (PersonFacts person : batch) {
                            eligible += hand.decide(person, AS_OF).living().outcome().ordinal();
                        }
                        return eligible;
                    },
                    batch -> jinan.evaluate(batch, AS_OF, id -> true, Ruleset.Detail.OUTCOMES).size(),
                    batch -> jinan.evaluate(batch, AS_OF, id -> true, Ruleset.Detail.REASONS).size(),
                    batch -> EngineFloor.matchOnly(jinan, batch, AS_OF)));
            return List.of("Jinan living and rent subsidies (with the tier), " + String.format("%,d", facts.size())
                            + " people, one thread, two rounds after a warm-up:",
                    "",
                    "| implementation | people/s | cost vs hand-written |",
                    "|---|---:|---:|",
                    String.format("| hand-written (baseline) | %,.0f | 1 |", 2 * facts.size() / seconds[0]),
                    String.format("| engine, the same policies, outcomes and reason codes (a sweep's first pass) | %,.0f | %.0f |",
                            2 * facts.size() / seconds[1], seconds[1] / seconds[0]),
                    String.format("| engine, the same policies, with every criterion's sentence | %,.0f | %.0f |",
                            2 * facts.size() / seconds[2], seconds[2] / seconds[0]),
                    String.format("| engine, the same policies, facts matched and no rule fired (its floor) | %,.0f | %.0f |",
                            2 * facts.size() / seconds[3], seconds[3] / seconds[0]));
        }
    }

    /**
     * The whole catalogue, one thread: an evaluation's cost per person against the engine's floor (the facts
     * matched, no rule fired), and what the target of 50,000 people a second on two cores leaves for everything.
     */
    private static List<String> floor(Path population, int people) throws IOException {
        try (Ruleset catalogue = RulesetLoader.load(Path.of("rules"))) {
            List<PersonFacts> facts = read(catalogue, population, people);
            double[] seconds = timed(facts, List.of(
                    batch -> catalogue.evaluate(batch, AS_OF, id -> true, Ruleset.Detail.OUTCOMES).size(),
                    batch -> EngineFloor.matchOnly(catalogue, batch, AS_OF)));
            double[] micros = Arrays.stream(seconds).map(s -> s * 1e6 / (2 * facts.size())).toArray();
            return List.of("The whole catalogue, " + String.format("%,d", facts.size())
                            + " people, one thread, sessions as a sweep's, two rounds after a warm-up:",
                    "",
                    "| what | µs a person on one core |",
                    "|---|---:|",
                    String.format("| evaluated, outcomes and reason codes (a sweep's first pass) | %.1f |", micros[0]),
                    String.format("| facts matched, no rule fired (the engine's floor) | %.1f |", micros[1]),
                    "| everything, at 50,000 people a second on two cores | 40.0 |");
        }
    }

    /** The population's first people who can be evaluated, as facts. */
    private static List<PersonFacts> read(Ruleset ruleset, Path population, int people) throws IOException {
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        RegistryReading registry = new RegistryReading(CertificationProperties.defaults().maxAgeDays());
        List<PersonFacts> facts = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(population)) {
            String line;
            while (facts.size() < people && (line = lines.readLine()) != null) {
                try {
                    JsonNode entry = json.readTree(line);
                    List<GovernmentRecord> records = Arrays.asList(json.treeToValue(entry.get("records"),
                            GovernmentRecord[].class));
                    RegistryReading.Result read = registry.read(ruleset, entry.get("personId").asText(), AS_OF, records);
                    if (read.facts() != null) {
                        facts.add(read.facts());
                    }
                } catch (IOException | RuntimeException e) {
                    // a bad entry: the sweep rejects it; here it is simply not measured
                }
            }
        }
        return facts;
    }

    /**
     * Seconds each way of deciding takes over everyone, in batches as a sweep evaluates them, summed over two
     * rounds after a warm-up round; the ways take turns within a round, so drift in the machine falls on all alike.
     */
    private static double[] timed(List<PersonFacts> facts, List<ToLongFunction<List<PersonFacts>>> ways) {
        double[] seconds = new double[ways.size()];
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            for (int way = 0; way < ways.size(); way++) {
                long started = System.nanoTime();
                int batch = Sweep.Options.DEFAULT_BATCH;
                for (int from = 0; from < facts.size(); from += batch) {
                    sink += ways.get(way).applyAsLong(facts.subList(from, Math.min(facts.size(), from + batch)));
                }
                if (round > 0) {
                    seconds[way] += (System.nanoTime() - started) / 1e9;
                }
            }
        }
        if (sink < 0) {
            throw new AssertionError(); // keeps the work from being optimised away
        }
        return seconds;
    }
}
