package cn.talentpolicy.bench;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.certification.RegistryReading;
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
 * {@link HandWrittenJinan}: the engine/hand-written cost ratio.
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
        System.out.println();
        report.forEach(System.out::println);
    }

    private static Path generate(long people) throws IOException {
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
    private static double[] sweep(Path population, long size) throws IOException, InterruptedException {
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
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        Path rules = Files.createTempDirectory("jinan-rules");
        for (String folder : List.of("common", "shandong_enclave_equal_treatment", "jinan_talent_tier",
                "jinan_living_subsidy", "jinan_rent_subsidy")) {
            TestRules.copy(Path.of("rules", folder), rules.resolve(folder));
        }
        try (Ruleset jinan = RulesetLoader.load(rules)) {
            RegistryReading registry = new RegistryReading(CertificationProperties.defaults().maxAgeDays());
            List<PersonFacts> facts = new ArrayList<>();
            try (BufferedReader lines = Files.newBufferedReader(population)) {
                String line;
                while (facts.size() < people && (line = lines.readLine()) != null) {
                    try {
                        JsonNode entry = json.readTree(line);
                        List<GovernmentRecord> records = Arrays.asList(json.treeToValue(entry.get("records"),
                                GovernmentRecord[].class));
                        RegistryReading.Result read = registry.read(jinan, entry.get("personId").asText(), AS_OF, records);
                        if (read.facts() != null) {
                            facts.add(read.facts());
                        }
                    } catch (IOException | RuntimeException e) {
                        // a bad entry: the sweep rejects it; here it is simply not measured
                    }
                }
            }
            HandWrittenJinan hand = new HandWrittenJinan(jinan.parameters());
            double handSeconds = 0;
            double outcomesSeconds = 0;
            double reasonsSeconds = 0;
            for (int round = 0; round < 3; round++) { // the first round warms up and is not counted
                long started = System.nanoTime();
                long eligible = 0;
                for (PersonFacts person : facts) {
                    eligible += hand.decide(person, AS_OF).living().outcome().ordinal();
                }
                double h = (System.nanoTime() - started) / 1e9;
                double[] engine = new double[2];
                for (Ruleset.Detail detail : List.of(Ruleset.Detail.OUTCOMES, Ruleset.Detail.REASONS)) {
                    started = System.nanoTime();
                    int batch = Sweep.Options.DEFAULT_BATCH; // as the sweep evaluates
                    for (int from = 0; from < facts.size(); from += batch) {
                        eligible += jinan.evaluate(facts.subList(from, Math.min(facts.size(), from + batch)), AS_OF,
                                id -> true, detail).size();
                    }
                    engine[detail.ordinal()] = (System.nanoTime() - started) / 1e9;
                }
                if (round > 0) {
                    handSeconds += h;
                    outcomesSeconds += engine[0];
                    reasonsSeconds += engine[1];
                }
                if (eligible < 0) {
                    throw new AssertionError(); // keeps the work from being optimised away
                }
            }
            return List.of("Jinan living and rent subsidies (with the tier), " + String.format("%,d", facts.size())
                            + " people, one thread, two rounds after a warm-up:",
                    "",
                    "| implementation | people/s | cost vs hand-written |",
                    "|---|---:|---:|",
                    String.format("| hand-written (baseline) | %,.0f | 1 |", 2 * facts.size() / handSeconds),
                    String.format("| engine, the same policies, outcomes and reason codes (a sweep's first pass) | %,.0f | %.0f |",
                            2 * facts.size() / outcomesSeconds, outcomesSeconds / handSeconds),
                    String.format("| engine, the same policies, with every criterion's sentence | %,.0f | %.0f |",
                            2 * facts.size() / reasonsSeconds, reasonsSeconds / handSeconds));
        }
    }
}
