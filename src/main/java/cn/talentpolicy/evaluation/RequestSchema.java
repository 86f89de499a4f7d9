package cn.talentpolicy.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of the API contract ({@code api-spec/openapi.yaml}, packed in the jar), checking an input before it
 * is read so that every offending field is named at once, in the words the API uses. Request bodies and the
 * entries of a population file are checked by the same schemas.
 */
public final class RequestSchema {

    private static final java.util.regex.Pattern BRANCH = java.util.regex.Pattern.compile("/oneOf/(\\d+)/");
    private static final String SOURCES = "HUKOU, EDUCATION_REGISTRY, CSCSE, TITLE_REGISTRY, HONOURS_REGISTRY, "
            + "SOCIAL_INSURANCE, EMPLOYER_REGISTRY, PROPERTY_REGISTRY, SUBSIDY_LEDGER, POSTDOC_REGISTRY";
    private static final RequestSchema BUNDLED = new RequestSchema(load());

    private final ObjectNode schemaDocument;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private RequestSchema(JsonNode spec) {
        this.schemaDocument = schemaDocument(spec);
    }

    /** The contract packed in the jar (compiled schemas are shared: they are thread-safe). */
    public static RequestSchema bundled() {
        return BUNDLED;
    }

    /** Every place where {@code instance} breaks the named schema, as request paths and plain messages. */
    public List<FieldProblem> check(String schemaName, JsonNode instance) {
        JsonSchema schema = schemas.computeIfAbsent(schemaName, name -> {
            ObjectNode root = schemaDocument.deepCopy();
            root.put("$ref", "#/$defs/" + name);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
        });
        java.util.Set<ValidationMessage> messages = schema.validate(instance);
        // A record's "source" picks its branch of a oneOf: only that branch's complaints are about the record;
        // with no branch for its source, the source is what is wrong.
        Map<String, java.util.Set<String>> wrongBranches = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            if ("oneOf".equals(m.getType()) && instance.at(pointer(m.getInstanceLocation().toString())).path("source").isMissingNode()) {
                // no source at all: no branch is the record's, so none of their complaints are about it
                java.util.Set<String> all = new java.util.HashSet<>();
                for (int b = 0; b < SOURCES.split(", ").length; b++) {
                    all.add(String.valueOf(b));
                }
                wrongBranches.put(m.getInstanceLocation().toString(), all);
            }
        }
        for (ValidationMessage m : messages) {
            java.util.regex.Matcher branch = BRANCH.matcher(m.getEvaluationPath().toString());
            if ("const".equals(m.getType()) && m.getInstanceLocation().toString().endsWith("/source") && branch.find()) {
                String record = m.getInstanceLocation().toString().replaceFirst("/source$", "");
                wrongBranches.computeIfAbsent(record, k -> new java.util.HashSet<>()).add(branch.group(1));
            }
        }
        Map<String, String> byField = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            String location = m.getInstanceLocation().toString();
            String field = field(location);
            if ("oneOf".equals(m.getType())) {
                java.util.Set<String> wrong = wrongBranches.getOrDefault(location, java.util.Set.of());
                JsonNode source = instance.at(pointer(location)).path("source");
                if (source.isMissingNode()) {
                    byField.put(field + ".source", "is required: it says which kind of record this is (" + SOURCES + ")");
                } else if (wrong.size() >= SOURCES.split(", ").length && !source.isMissingNode()) {
                    byField.put(field + ".source", "'" + source.asText() + "' is not a known record source ("
                            + SOURCES + ")");
                }
                continue; // otherwise the branch that fits says what is wrong
            }
            java.util.regex.Matcher branch = BRANCH.matcher(m.getEvaluationPath().toString());
            if (branch.find()) {
                String record = recordOf(location, wrongBranches.keySet());
                if (record != null && wrongBranches.get(record).contains(branch.group(1))) {
                    continue; // a complaint of a branch for another source
                }
            }
            if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
                field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
            }
            String message = message(m, instance.at(pointer(location)));
            byField.merge(field, message, (a, b) -> a.contains(b) ? a : a + "; " + b);
        }
        List<FieldProblem> problems = new ArrayList<>();
        byField.forEach((field, message) -> problems.add(new FieldProblem(field, message)));
        problems.sort(java.util.Comparator.comparing(FieldProblem::field));
        return problems;
    }

    /** The record (a location with a source) that a location lies in, if any. */
    private static String recordOf(String location, java.util.Set<String> records) {
        for (String record : records) {
            if (location.equals(record) || location.startsWith(record + "/")) {
                return record;
            }
        }
        return null;
    }

    /** The violation in the words the API uses everywhere else. */
    private static String message(ValidationMessage m, JsonNode value) {
        String given = value.isMissingNode() ? "" : "'" + value.asText() + "' ";
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        String arg = args.length > 0 ? String.valueOf(args[0]) : "";
        return switch (m.getType()) {
            case "additionalProperties" -> "unknown field: check its spelling against the API contract";
            case "required" -> "is required";
            case "enum" -> given + "is not one of " + arg.replaceAll("[\\[\\]\"]", "").replace(",", ", ")
                    .replaceAll(" +", " ");
            case "format" -> given + "is not a real date in YYYY-MM-DD form";
            case "pattern" -> arg.contains("\\d{6}") ? "must be a six-digit GB/T 2260 region code, like 370102 (was "
                    + given.trim() + ")" : given + "does not have the expected form " + arg;
            case "minimum" -> "must be greater than or equal to " + arg + " (was " + given.trim() + ")";
            case "maximum" -> "must be at most " + arg + " (was " + given.trim() + ")";
            case "const" -> given + "must be " + arg;
            default -> m.getMessage().replaceFirst("^\\Q" + m.getInstanceLocation() + "\\E:?\\s*", "");
        };
    }

    /** The bean constraints a read input breaks, by field path, sorted. */
    public static <T> List<FieldProblem> violations(jakarta.validation.Validator validator, T input) {
        Map<String, String> byField = new java.util.TreeMap<>();
        for (jakarta.validation.ConstraintViolation<T> v : validator.validate(input)) {
            String field = v.getPropertyPath().toString().replace(".<list element>", "");
            byField.merge(field, v.getMessage(), (a, b) -> a.equals(b) ? a : a + "; " + b);
        }
        List<FieldProblem> problems = new ArrayList<>();
        byField.forEach((field, message) -> problems.add(new FieldProblem(field, message)));
        return problems;
    }

    /** An explicit null means the same as leaving the field out: nulls are removed, in place. */
    public static void withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(f -> {
                if (f.getValue().isNull()) {
                    nulls.add(f.getKey());
                } else {
                    withoutNulls(f.getValue());
                }
            });
            object.remove(nulls);
        } else if (node != null && node.isArray()) {
            node.forEach(RequestSchema::withoutNulls);
        }
    }

    /** A JSON pointer ({@code /person/degrees/0/level}) as a request path ({@code person.degrees[0].level}). */
    private static String field(String location) {
        StringBuilder path = new StringBuilder();
        for (String segment : location.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    private static String pointer(String location) {
        return location.startsWith("/") ? location : "";
    }

    private static JsonNode load() {
        try (InputStream in = RequestSchema.class.getResourceAsStream("/api-spec/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("api-spec/openapi.yaml is not in the jar");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract's schemas as one JSON Schema 2020-12 document, references pointing into its $defs. */
    public static ObjectNode schemaDocument(JsonNode spec) {
        ObjectNode document = new ObjectMapper().createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.set("$defs", rewriteRefs(spec.get("components").get("schemas").deepCopy()));
        return document;
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    field.setValue(new TextNode(field.getValue().asText().replace("#/components/schemas/", "#/$defs/")));
                } else {
                    rewriteRefs(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(RequestSchema::rewriteRefs);
        }
        return node;
    }
}
