package cn.talentpolicy.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Population files for sweep tests, made of the contract's certification examples
 * ({@code api-spec/examples/certification-*.request.json}) without their as-of date and policy filter: person i
 * is example i % 2 under the id {@code P0000i}, every third one without their subsidy ledger (so that some
 * people have something to claim), and one line is not JSON at all.
 */
public final class TestPopulation {

    /** What a malformed line looks like: the start of an entry, cut off. */
    public static final String MALFORMED = "{\"personId\": \"P-broken\", \"records\": [";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Path> EXAMPLES = List.of(
            Path.of("api-spec/examples/certification-overseas-postdoc.request.json"),
            Path.of("api-spec/examples/certification-stale-insurance.request.json"));

    private TestPopulation() {
    }

    /**
     * A JSON Lines file of {@code people} entries with {@link #MALFORMED} as line {@code malformedLine} (1-based),
     * so the file has {@code people + 1} lines.
     */
    public static byte[] jsonl(int people, int malformedLine) {
        StringBuilder file = new StringBuilder();
        for (int i = 1, person = 1; i <= people + 1; i++) {
            if (i == malformedLine) {
                file.append(MALFORMED);
            } else {
                file.append(entry(person++));
            }
            file.append('\n');
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String entry(int person) {
        try {
            ObjectNode example = (ObjectNode) JSON.readTree(EXAMPLES.get(person % 2).toFile());
            ObjectNode entry = JSON.createObjectNode();
            entry.put("personId", String.format("P%07d", person));
            ArrayNode records = entry.putArray("records");
            for (JsonNode record : example.get("records")) {
                if (person % 3 != 0 || !record.get("source").asText().equals("SUBSIDY_LEDGER")) {
                    records.add(record);
                }
            }
            return JSON.writeValueAsString(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
