package cn.talentpolicy.sweeps;

import cn.talentpolicy.evaluation.RequestSchema;
import cn.talentpolicy.sweeps.Population.Entry;
import cn.talentpolicy.sweeps.Population.Format;
import cn.talentpolicy.sweeps.Population.UnreadableEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator makes the same file from the same seed, in either format, and its bad entries are exactly the
 * ones a sweep must reject: every good entry passes the contract, every bad one is caught where its kind says.
 */
class PopulationGeneratorTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static RequestSchema contract;

    @TempDir
    Path dir;

    @BeforeAll
    static void contract() {
        contract = RequestSchema.bundled();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        for (Format format : Format.values()) {
            byte[] first = bytes(new PopulationGenerator(7, AS_OF, 0.01), 3_000, format);
            byte[] again = bytes(new PopulationGenerator(7, AS_OF, 0.01), 3_000, format);
            byte[] other = bytes(new PopulationGenerator(8, AS_OF, 0.01), 3_000, format);

            assertThat(again).as(format.name()).isEqualTo(first);
            assertThat(other).as(format.name()).isNotEqualTo(first);
        }
    }

    @Test
    void thePeopleOfAFileAreTheSameAtEveryBadRate() throws IOException {
        PopulationGenerator clean = new PopulationGenerator(7, AS_OF, 0);
        PopulationGenerator spoilt = new PopulationGenerator(7, AS_OF, 0.2);
        List<JsonNode> good = entries(write(clean, 500, Format.JSONL, "clean.jsonl"));
        List<Object> some = readBack(write(spoilt, 500, Format.JSONL, "spoilt.jsonl"), Format.JSONL);

        for (int n = 1; n <= 500; n++) {
            if (spoilt.badEntry(n) == null) {
                assertThat(some.get(n - 1)).isEqualTo(good.get(n - 1));
            }
        }
    }

    @Test
    void csvAndJsonLinesFromOneSeedReadBackToTheSameJson() throws IOException {
        PopulationGenerator generator = new PopulationGenerator(11, AS_OF, 0.02);
        List<Object> fromJsonLines = readBack(write(generator, 3_000, Format.JSONL, "people.jsonl"), Format.JSONL);
        List<Object> fromCsv = readBack(write(generator, 3_000, Format.CSV, "people.csv"), Format.CSV);

        assertThat(fromCsv).hasSize(3_000);
        for (int i = 0; i < fromCsv.size(); i++) {
            Object csv = fromCsv.get(i);
            Object jsonl = fromJsonLines.get(i);
            if (csv instanceof UnreadableEntry || jsonl instanceof UnreadableEntry) {
                assertThat(csv).as("entry %d", i + 1).isInstanceOf(UnreadableEntry.class);
                assertThat(jsonl).as("entry %d", i + 1).isInstanceOf(UnreadableEntry.class);
            } else {
                assertThat(csv).as("entry %d", i + 1).isEqualTo(jsonl);
            }
        }
    }

    @Test
    void everyGoodEntryPassesTheContractAndEveryBadOneIsCaughtWhereItsKindSays() throws IOException {
        PopulationGenerator generator = new PopulationGenerator(5, AS_OF, 0.05);
        for (Format format : Format.values()) {
            Path file = write(generator, 4_000, format, "people." + format.name().toLowerCase());
            List<Object> entries = readBack(file, format);
            Map<BadEntry, Integer> seen = new EnumMap<>(BadEntry.class);
            for (int n = 1; n <= entries.size(); n++) {
                Object entry = entries.get(n - 1);
                BadEntry kind = generator.badEntry(n);
                String what = format + " entry " + n + " (" + kind + ")";
                if (kind == null) {
                    assertThat(entry).as(what).isInstanceOf(JsonNode.class);
                    assertThat(contract.check("CertificationRequest", (JsonNode) entry)).as(what + ": " + entry)
                            .isEmpty();
                    continue;
                }
                seen.merge(kind, 1, Integer::sum);
                switch (kind.caughtBy()) {
                    case READING -> assertThat(entry).as(what).isInstanceOf(UnreadableEntry.class);
                    case CONTRACT -> assertThat(contract.check("CertificationRequest", (JsonNode) entry)).as(what)
                            .isNotEmpty();
                    case SERVICE -> {
                        assertThat(contract.check("CertificationRequest", (JsonNode) entry)).as(what).isEmpty();
                        assertThat(showsMistake(kind, (JsonNode) entry)).as(what + ": " + entry).isTrue();
                    }
                }
            }
            assertThat(seen.keySet()).as("every kind of mistake occurs").containsExactlyInAnyOrder(BadEntry.values());
        }
    }

    @Test
    void theBadShareIsCloseToTheRate() throws IOException {
        PopulationGenerator generator = new PopulationGenerator(3, AS_OF, 0.01);
        PopulationGenerator.Summary summary = generator.write(20_000, OutputStream.nullOutputStream(), Format.JSONL);

        long bad = 0;
        for (int n = 1; n <= 20_000; n++) {
            bad += generator.badEntry(n) == null ? 0 : 1;
        }
        assertThat(summary.people()).isEqualTo(20_000);
        assertThat(summary.badEntries()).isEqualTo(bad).isBetween(160L, 240L); // 200 expected, sd 14
    }

    @Test
    void recordIdsAreUniquePerPersonAndSourceAndNoGoodRecordIsFromAfterTheAsOfDate() throws IOException {
        List<JsonNode> people = entries(write(new PopulationGenerator(9, AS_OF, 0), 3_000, Format.JSONL, "p.jsonl"));

        int n = 0;
        for (JsonNode person : people) {
            assertThat(person.get("personId").asText()).isEqualTo("P" + PopulationGenerator.number(++n));
            Set<String> ids = new HashSet<>();
            for (JsonNode record : person.get("records")) {
                assertThat(ids.add(record.get("source").asText() + ":" + record.get("recordId").asText()))
                        .as("%s", person).isTrue();
                assertThat(LocalDate.parse(record.get("retrievedOn").asText())).isBeforeOrEqualTo(AS_OF);
            }
        }
        assertThat(PopulationGenerator.number(12_345_678)).isEqualTo("12345678");
    }

    /** What only the certification service checks is there to be found in the entry. */
    static boolean showsMistake(BadEntry kind, JsonNode person) {
        Set<String> education = new HashSet<>();
        person.get("records").forEach(r -> {
            if (r.get("source").asText().equals("EDUCATION_REGISTRY")) {
                education.add(r.get("recordId").asText());
            }
        });
        for (JsonNode r : person.get("records")) {
            if (kind == BadEntry.RETRIEVED_AFTER_AS_OF && LocalDate.parse(r.get("retrievedOn").asText()).isAfter(AS_OF)) {
                return true;
            }
            if (kind == BadEntry.CSCSE_WITHOUT_EDUCATION && r.get("source").asText().equals("CSCSE")
                    && !education.contains(r.get("degreeRecordId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(PopulationGenerator generator, int people, Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.write(people, out, format);
        return out.toByteArray();
    }

    private Path write(PopulationGenerator generator, int people, Format format, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            generator.write(people, out, format);
        }
        return file;
    }

    /** Each entry's JSON, or the {@link UnreadableEntry} it gives. */
    static List<Object> readBack(Path file, Format format) throws IOException {
        List<Object> entries = new ArrayList<>();
        try (Population population = Population.open(file, format)) {
            for (Entry e = population.next(); e != null; e = population.next()) {
                try {
                    entries.add(e.json(JSON));
                } catch (UnreadableEntry unreadable) {
                    entries.add(unreadable);
                }
            }
        }
        return entries;
    }

    private static List<JsonNode> entries(Path file) throws IOException {
        return readBack(file, Format.JSONL).stream().map(JsonNode.class::cast).toList();
    }
}
