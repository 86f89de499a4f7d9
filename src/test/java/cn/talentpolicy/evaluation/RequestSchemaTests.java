package cn.talentpolicy.evaluation;

import cn.talentpolicy.sweeps.Population;
import cn.talentpolicy.sweeps.PopulationGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick form of the contract, which the request check tries first, accepts exactly what the contract
 * accepts: a record checked against its own source's branch is valid when it is valid against the oneOf.
 */
class RequestSchemaTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SOURCES = List.of("HUKOU", "EDUCATION_REGISTRY", "CSCSE", "TITLE_REGISTRY",
            "HONOURS_REGISTRY", "SOCIAL_INSURANCE", "EMPLOYER_REGISTRY", "PROPERTY_REGISTRY", "SUBSIDY_LEDGER",
            "POSTDOC_REGISTRY");

    @Test
    void theQuickFormAcceptsExactlyWhatTheContractAccepts() throws IOException {
        ObjectNode document = RequestSchema.schemaDocument(new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("api-spec/openapi.yaml").toFile()));
        JsonSchema contract = schema(document);
        JsonSchema quick = schema(RequestSchema.quick(document));
        assertThat(RequestSchema.quick(document).at("/$defs/GovernmentRecord").has("oneOf")).isFalse();

        List<JsonNode> entries = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new PopulationGenerator(11, LocalDate.of(2026, 11, 28), 0.3).write(400, file, Population.Format.JSONL);
        for (String line : file.toString(StandardCharsets.UTF_8).split("\n")) {
            try {
                entries.add(JSON.readTree(line));
            } catch (IOException notJson) {
                // a bad entry that is not JSON at all: nothing for a schema to judge
            }
        }
        // and every record moved to each other source, left without one, and given an unknown field
        int generated = entries.size();
        for (int i = 0; i < 40; i++) {
            JsonNode entry = entries.get(i);
            if (!entry.path("records").isArray() || entry.path("records").isEmpty()) {
                continue;
            }
            for (String source : SOURCES) {
                entries.add(withFirstRecord(entry, record -> record.put("source", source)));
            }
            entries.add(withFirstRecord(entry, record -> record.remove("source")));
            entries.add(withFirstRecord(entry, record -> record.put("shoeSize", 42)));
        }

        int valid = 0;
        for (JsonNode entry : entries) {
            boolean byContract = contract.validate(entry).isEmpty();
            assertThat(quick.validate(entry).isEmpty()).as(entry.toString()).isEqualTo(byContract);
            valid += byContract ? 1 : 0;
        }
        assertThat(valid).as("both kinds are judged").isBetween(100, entries.size() - 100);
        assertThat(entries.size()).isGreaterThan(generated);
    }

    private static JsonNode withFirstRecord(JsonNode entry, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = entry.deepCopy();
        change.accept((ObjectNode) ((ArrayNode) copy.get("records")).get(0));
        return copy;
    }

    private static JsonSchema schema(ObjectNode document) {
        ObjectNode root = document.deepCopy();
        root.put("$ref", "#/$defs/PopulationEntry");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
