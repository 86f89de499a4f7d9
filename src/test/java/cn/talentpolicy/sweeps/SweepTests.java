package cn.talentpolicy.sweeps;

import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sweep of a population file, through its results folder, as the CLI and the service run it. */
class SweepTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static Ruleset ruleset;
    static Map<String, Integer> maxAgeDays;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        ruleset = RulesetLoader.load(Path.of("rules"));
        maxAgeDays = CertificationProperties.defaults().maxAgeDays();
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    /**
     * A master's graduate of 2023 at a Jinan enterprise since then, insured in Jinan, owning no home: eligible for
     * the Jinan living subsidy. {@code employerRegion} moves them; {@code ledger} is the living subsidy's months paid.
     */
    static String jinanMaster(String id, String employerRegion, Integer monthsPaid) {
        String ledger = monthsPaid == null ? "" : ",{\"source\":\"SUBSIDY_LEDGER\",\"recordId\":\"L-" + id
                + "\",\"retrievedOn\":\"2026-11-27\",\"entries\":[{\"policyId\":\"jinan_living_subsidy\",\"monthsPaid\":"
                + monthsPaid + "}]}";
        return "{\"personId\":\"" + id + "\",\"records\":["
                + "{\"source\":\"HUKOU\",\"recordId\":\"H-" + id + "\",\"retrievedOn\":\"2026-11-20\",\"birthDate\":\"1998-05-01\",\"nationality\":\"MAINLAND\",\"hukouRegion\":\"370102\"},"
                + "{\"source\":\"EDUCATION_REGISTRY\",\"recordId\":\"E-" + id + "\",\"retrievedOn\":\"2026-11-20\",\"level\":\"MASTER\",\"fullTime\":true,\"graduationDate\":\"2023-06-30\"},"
                + "{\"source\":\"EMPLOYER_REGISTRY\",\"recordId\":\"W-" + id + "\",\"retrievedOn\":\"2026-11-25\",\"employerRegion\":\"" + employerRegion + "\",\"employerType\":\"ENTERPRISE\",\"startDate\":\"2023-07-10\"},"
                + "{\"source\":\"SOCIAL_INSURANCE\",\"recordId\":\"S-" + id + "\",\"retrievedOn\":\"2026-11-25\",\"region\":\"" + employerRegion + "\",\"monthsPaid\":40},"
                + "{\"source\":\"PROPERTY_REGISTRY\",\"recordId\":\"P-" + id + "\",\"retrievedOn\":\"2026-11-25\",\"homesOwnedRegions\":[]}"
                + ledger + "]}";
    }

    /** People in Jinan, Yantai (no city policy) and Jinan paid already, in turn. */
    static List<String> population(int people) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String id = String.format("P%05d", i);
            lines.add(switch (i % 3) {
                case 0 -> jinanMaster(id, "370102", null);
                case 1 -> jinanMaster(id, "370602", null);
                default -> jinanMaster(id, "370112", 12);
            });
        }
        return lines;
    }

    Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    SweepSummary sweep(Path population, Path out, Shard shard, int threads, int batch) throws IOException {
        return new Sweep(ruleset, maxAgeDays, new Sweep.Options(AS_OF, shard, threads, batch))
                .run(population, Population.Format.JSONL, out, false, null);
    }

    static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(Sweep.JSON.readTree(line));
        }
        return nodes;
    }

    static List<String> sorted(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    @Test
    void aClaimOfOnePartGivesTheReasonsForThatPartNotThoseOfAPartTheyCannotClaim() throws IOException {
        // a junior-college graduate in Zibo claims the monthly part; the home-purchase part (no home bought) is
        // not what they are told about
        String zibo = jinanMaster("P00000", "370303", null).replace("\"MASTER\"", "\"JUNIOR_COLLEGE\"");
        Path out = dir.resolve("results");
        sweep(write("people.jsonl", List.of(zibo)), out, Shard.ALL, 1, 10);

        JsonNode claim = jsonLines(out.resolve("claimable.jsonl")).get(0);
        assertThat(claim.get("policyId").asText()).isEqualTo("zibo_graduate_subsidy");
        assertThat(claim.get("payments")).extracting(p -> p.get("part").asText()).containsExactly("junior_college");
        assertThat(claim.get("reasons")).extracting(JsonNode::asText)
                .anyMatch(reason -> reason.contains("专科"))
                .noneMatch(reason -> reason.contains("购房"))
                .doesNotHaveDuplicates();
    }

    @Test
    void onlyWhatTheLedgerDoesNotShowIsClaimableAndEveryClaimSaysWhyAndHowMuch() throws IOException {
        Path out = dir.resolve("results");
        SweepSummary summary = sweep(write("people.jsonl", population(3)), out, Shard.ALL, 1, 10);

        List<JsonNode> claims = jsonLines(out.resolve("claimable.jsonl"));
        // P00000 (Jinan, unpaid) claims the living subsidy; P00001 works in Yantai; P00002 is in the ledger
        assertThat(claims).extracting(c -> c.get("personId").asText() + " " + c.get("policyId").asText())
                .containsExactly("P00000 jinan_living_subsidy");
        JsonNode claim = claims.get(0);
        assertThat(claim.get("region").asText()).isEqualTo("370100");
        assertThat(claim.get("payments").get(0).get("kind").asText()).isEqualTo("MONTHLY");
        assertThat(claim.get("total").decimalValue()).isPositive()
                .isEqualByComparingTo(claim.get("payments").get(0).get("total").decimalValue());
        assertThat(claim.get("reasons")).isNotEmpty();
        assertThat(claim.get("notification").asText()).contains("P00000", "济南市人才生活补贴",
                claim.get("total").decimalValue().toPlainString() + " 元");

        List<String[]> outcomes = Files.readAllLines(out.resolve("outcomes.tsv")).stream()
                .map(line -> line.split("\t", -1)).toList();
        assertThat(outcomes).hasSize(4).allSatisfy(row -> assertThat(row).hasSameSizeAs(outcomes.get(0)));
        int living = List.of(outcomes.get(0)).indexOf("jinan_living_subsidy");
        assertThat(outcomes).extracting(row -> row[0] + " " + row[living])
                .containsExactly("personId jinan_living_subsidy", "P00000 C", "P00001 I", "P00002 P");
        SweepSummary.PolicyCount livingCount = summary.policies().stream()
                .filter(p -> p.policyId().equals("jinan_living_subsidy")).findFirst().orElseThrow();
        assertThat(livingCount.claimable()).isEqualTo(1);
        assertThat(livingCount.claimed()).isEqualTo(1);
        assertThat(livingCount.ineligible()).isEqualTo(1);
        assertThat(livingCount.amount()).isEqualByComparingTo(claim.get("total").decimalValue());
        assertThat(summary.claims()).isEqualTo(1);
        assertThat(summary.regions()).extracting(SweepSummary.RegionCount::region).containsExactly("370100");
        assertThat(Files.readString(out.resolve("summary.html"))).contains("济南市人才生活补贴", "<svg");
    }

    @Test
    void aBadEntryIsRejectedWithItsLineAndTheRestAreSwept() throws IOException {
        List<String> lines = new ArrayList<>(population(3));
        lines.add(1, "{\"personId\": \"P-broken\", \"records\": [}");                      // line 2
        lines.add(3, "");                                                                // line 4: blank, skipped
        lines.add(4, jinanMaster("P-bad-source", "370102", null).replace("\"HUKOU\"", "\"TAX_BUREAU\"")); // line 5
        lines.add(jinanMaster("P-late", "370102", null).replace("2026-11-25", "2026-12-01")); // line 7
        lines.add(jinanMaster("P-joined-1", "370102", null) + jinanMaster("P-joined-2", "370102", null)); // line 8
        lines.set(0, "\uFEFF" + lines.get(0)); // a byte-order mark before line 1 is not part of the entry
        Path out = dir.resolve("results");
        SweepSummary summary = sweep(write("people.jsonl", lines), out, Shard.ALL, 2, 2);

        List<JsonNode> rejects = jsonLines(out.resolve("rejects.jsonl"));
        assertThat(rejects).extracting(r -> r.get("line").asInt()).containsExactly(2, 5, 7, 8);
        assertThat(rejects.get(0).has("personId")).isFalse(); // not readable, so not known
        assertThat(rejects.get(0).get("problems").get(0).get("message").asText()).startsWith("is not JSON");
        assertThat(rejects.get(1).get("personId").asText()).isEqualTo("P-bad-source");
        assertThat(rejects.get(1).get("problems").get(0).get("field").asText()).isEqualTo("records[0].source");
        assertThat(rejects.get(2).get("problems").toString()).contains("retrievedOn", "after the date");
        // two people run together on one line are one bad entry, not the first of them alone
        assertThat(rejects.get(3).get("problems").get(0).get("message").asText()).startsWith("is not JSON");
        assertThat(summary.entries()).isEqualTo(7);
        assertThat(summary.rejected()).isEqualTo(4);
        assertThat(summary.people()).isEqualTo(3);
        assertThat(Files.readAllLines(out.resolve("outcomes.tsv"))).hasSize(4);
    }

    /** A file with no line breaks (a JSON array saved instead of JSON Lines) must not take the sweep's memory. */
    @Test
    void aLineTooLongToHoldIsOneRejectAndTheRestAreSwept() throws IOException {
        List<String> lines = new ArrayList<>(population(2));
        lines.add(1, "[" + (TestPopulation.entry(9) + ",").repeat(Lines.MAX_CHARS / TestPopulation.entry(9).length() + 1)
                + "]"); // line 2
        Path out = dir.resolve("results");
        SweepSummary summary = sweep(write("people.jsonl", lines), out, Shard.ALL, 2, 2);

        List<JsonNode> rejects = jsonLines(out.resolve("rejects.jsonl"));
        assertThat(rejects).extracting(r -> r.get("line").asInt()).containsExactly(2);
        assertThat(rejects.get(0).get("problems").get(0).get("message").asText())
                .isEqualTo("is longer than 262,144 characters and was not read");
        assertThat(summary.people()).isEqualTo(2);
        assertThat(Files.readAllLines(out.resolve("outcomes.tsv"))).hasSize(3);
    }

    @Test
    void anInterruptedSweepResumesFromItsCheckpointToTheSameResults() throws IOException {
        List<String> lines = population(60);
        lines.set(7, "not json");
        Path people = write("people.jsonl", lines);
        Path whole = dir.resolve("whole");
        sweep(people, whole, Shard.ALL, 1, 5);

        Path cut = dir.resolve("cut");
        Sweep sweep = new Sweep(ruleset, maxAgeDays, new Sweep.Options(AS_OF, Shard.ALL, 2, 5));
        int[] batches = {0};
        assertThatThrownBy(() -> sweep.run(people, Population.Format.JSONL, cut, false, (done, nanos) -> {
            batches[0]++;
            if (batches[0] == 2) {
                sleep(1100); // so that the next batch written is checkpointed
            }
            if (batches[0] == 6) {
                throw new IllegalStateException("power cut");
            }
        })).hasMessage("power cut");
        // the crash left lines past the checkpoint on disk, and no summary
        SweepResults.State state = Sweep.JSON.readValue(cut.resolve("sweep.json").toFile(), SweepResults.State.class);
        assertThat(state.status()).isEqualTo("RUNNING");
        assertThat(state.entriesDone()).isBetween(15L, 25L);
        assertThat(Files.size(cut.resolve("outcomes.tsv"))).isGreaterThan(state.lengths().get("outcomes.tsv"));
        assertThat(cut.resolve("summary.json")).doesNotExist();

        assertThatThrownBy(() -> sweep.run(people, Population.Format.JSONL, cut, false, null))
                .hasMessageContaining("already holds a sweep");
        Path copy = Files.copy(people, dir.resolve("copy.jsonl"), StandardCopyOption.COPY_ATTRIBUTES);
        assertThatThrownBy(() -> sweep.run(copy, Population.Format.JSONL, cut, true, null))
                .as("another file, however alike")
                .hasMessageContaining("cannot be resumed: it swept " + people.toAbsolutePath().normalize());
        // a checkpoint written before the population was also named from the results folder
        ObjectNode written = (ObjectNode) Sweep.JSON.readTree(cut.resolve("sweep.json").toFile());
        ((ObjectNode) written.get("sweep")).remove("fromResults");
        Sweep.JSON.writeValue(cut.resolve("sweep.json").toFile(), written);
        sweep.run(people, Population.Format.JSONL, cut, true, null);
        for (String file : List.of("claimable.jsonl", "rejects.jsonl", "outcomes.tsv", "summary.json", "summary.html")) {
            assertThat(cut.resolve(file)).as(file).hasSameBinaryContentAs(whole.resolve(file));
        }
        // resuming the finished sweep again leaves it as it is
        assertThat(sweep.run(people, Population.Format.JSONL, cut, true, null))
                .isEqualTo(Sweep.JSON.readValue(whole.resolve("summary.json").toFile(), SweepSummary.class));
        for (String file : List.of("claimable.jsonl", "rejects.jsonl", "outcomes.tsv", "summary.json", "summary.html")) {
            assertThat(cut.resolve(file)).as(file).hasSameBinaryContentAs(whole.resolve(file));
        }
    }

    @Test
    void shardsOfAPopulationMergeIntoTheSweepOfTheWhole() throws IOException {
        List<String> lines = new ArrayList<>(population(45));
        lines.add(10, "{broken");
        lines.add(20, "{broken");
        Path people = write("people.jsonl", lines);
        Path whole = dir.resolve("whole");
        SweepSummary single = sweep(people, whole, Shard.ALL, 2, 4);

        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path shard = dir.resolve("shard-" + i);
            SweepSummary part = sweep(people, shard, new Shard(i, 3), 1, 4);
            assertThat(part.shards()).containsExactly(i + "/3");
            assertThat(part.people()).isLessThan(single.people());
            shards.add(shard);
        }
        Path merged = dir.resolve("merged");
        SweepSummary total = SweepMerge.merge(shards, merged);

        assertThat(total).isEqualTo(single);
        assertThat(merged.resolve("summary.json")).hasSameTextualContentAs(whole.resolve("summary.json"));
        for (String file : List.of("claimable.jsonl", "rejects.jsonl", "outcomes.tsv")) {
            assertThat(sorted(merged.resolve(file))).as(file).isEqualTo(sorted(whole.resolve(file)));
        }
        assertThatThrownBy(() -> SweepMerge.merge(List.of(shards.get(0), shards.get(0)), dir.resolve("twice")))
                .hasMessageContaining("given twice");
        // what does not add up is refused: the whole with a shard of it, another split, a shard as the output
        assertThatThrownBy(() -> SweepMerge.merge(List.of(whole, shards.get(1)), dir.resolve("overlap")))
                .hasMessageContaining("whole population");
        Path half = dir.resolve("half-0");
        sweep(people, half, new Shard(0, 2), 1, 4);
        assertThatThrownBy(() -> SweepMerge.merge(List.of(half, shards.get(1)), dir.resolve("splits")))
                .hasMessageContaining("different splits");
        assertThatThrownBy(() -> SweepMerge.merge(shards, shards.get(2)))
                .hasMessageContaining("is one of the shards");
        assertThat(sorted(shards.get(2).resolve("outcomes.tsv"))).isNotEmpty();
    }

    @Test
    void aChangeOnlyResweepGivesWhatAFullSweepOfTheUpdatedPopulationGives() throws IOException {
        List<String> before = new ArrayList<>(population(30));
        before.set(5, "{\"personId\": \"P00005\"}"); // rejected: no records
        Path previous = dir.resolve("previous");
        sweep(write("before.jsonl", before), previous, Shard.ALL, 2, 4);

        List<String> changes = List.of(
                jinanMaster("P00000", "370602", null),  // moved to Yantai: no longer eligible
                jinanMaster("P00001", "370102", null),  // moved to Jinan: newly eligible
                jinanMaster("P00002", "370112", null),  // the ledger no longer shows the payment: claimable again
                jinanMaster("P00005", "370102", null),  // the rejected entry is fixed
                "{\"personId\": \"P00003\", \"records\": []}", // now rejected
                jinanMaster("P-new", "370102", 3));     // new, paid already
        List<String> after = new ArrayList<>(before);
        after.set(0, changes.get(0));
        after.set(1, changes.get(1));
        after.set(2, changes.get(2));
        after.set(5, changes.get(3));
        after.set(3, changes.get(4));
        after.add(changes.get(5));
        Path full = dir.resolve("full");
        SweepSummary expected = sweep(write("after.jsonl", after), full, Shard.ALL, 2, 4);

        Path resweep = dir.resolve("resweep");
        Resweep.Result result = new Resweep(ruleset, maxAgeDays, new Sweep.Options(AS_OF, Shard.ALL, 2, 4))
                .run(previous, write("changes.jsonl", changes), Population.Format.JSONL, resweep, null);

        assertThat(result.summary()).isEqualTo(expected);
        assertThat(result.evaluated()).isEqualTo(6);
        for (String file : List.of("claimable.jsonl", "outcomes.tsv")) {
            assertThat(sorted(resweep.resolve(file))).as(file).isEqualTo(sorted(full.resolve(file)));
        }
        assertThat(jsonLines(resweep.resolve("changes.jsonl")))
                .extracting(c -> c.get("personId").asText() + " " + c.get("policyId").asText() + " "
                        + c.get("change").asText() + " " + c.get("before").asText() + ">" + c.get("after").asText())
                .containsExactly(
                        "P-new jinan_living_subsidy NEWLY_ELIGIBLE ABSENT>CLAIMED",
                        "P-new jinan_talent_tier NEWLY_ELIGIBLE ABSENT>CERTIFIED",
                        "P00000 jinan_living_subsidy NO_LONGER_ELIGIBLE CLAIMABLE>INELIGIBLE",
                        "P00001 jinan_living_subsidy NEWLY_ELIGIBLE INELIGIBLE>CLAIMABLE",
                        "P00002 jinan_living_subsidy CHANGED CLAIMED>CLAIMABLE",
                        "P00003 jinan_living_subsidy NO_LONGER_ELIGIBLE CLAIMABLE>REJECTED",
                        "P00003 jinan_talent_tier NO_LONGER_ELIGIBLE CERTIFIED>REJECTED",
                        "P00005 jinan_living_subsidy NEWLY_ELIGIBLE ABSENT>CLAIMABLE",
                        "P00005 jinan_talent_tier NEWLY_ELIGIBLE ABSENT>CERTIFIED");
        assertThat(result.newlyEligible()).isEqualTo(5);
        assertThat(result.noLongerEligible()).isEqualTo(3);
        assertThat(resweep.resolve(".changes")).doesNotExist();

        // a shard's changes re-swept over the whole population's results would drop the others' changes
        assertThatThrownBy(() -> new Resweep(ruleset, maxAgeDays, new Sweep.Options(AS_OF, new Shard(1, 2), 2, 4))
                .run(previous, write("changes.jsonl", changes), Population.Format.JSONL, dir.resolve("r2"), null))
                .hasMessageContaining("the previous sweep covered the whole population, this re-sweep shard 1/2");
    }

    @Test
    void aShardIsIndexOfCountAndEveryPersonFallsInExactlyOne() {
        assertThat(Shard.parse("3/8")).isEqualTo(new Shard(3, 8));
        assertThatThrownBy(() -> Shard.parse("8/8")).hasMessageContaining("like 3/8");
        assertThatThrownBy(() -> Shard.parse("three")).hasMessageContaining("like 3/8");
        for (int i = 0; i < 200; i++) {
            String id = "P" + i;
            long holders = java.util.stream.IntStream.range(0, 5).filter(s -> new Shard(s, 5).holdsPerson(id)).count();
            assertThat(holders).isEqualTo(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
