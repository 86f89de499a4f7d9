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
    /** The same schemas with each record checked against its own source's branch only (see {@link #quick}). */
    private final ObjectNode quickDocument;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> quickSchemas = new ConcurrentHashMap<>();

    private RequestSchema(JsonNode spec) {
        this.schemaDocument = schemaDocument(spec);
        this.quickDocument = quick(schemaDocument);
    }

    /** The contract packed in the jar (compiled schemas are shared: they are thread-safe). */
    public static RequestSchema bundled() {
        return BUNDLED;
    }

    /** Every place where {@code instance} breaks the named schema, as request paths and plain messages. */
    public List<FieldProblem> check(String schemaName, JsonNode instance) {
        // most inputs are valid: the quick form says so at a fraction of the cost, and says exactly that
        if (compiled(quickSchemas, quickDocument, schemaName).validate(instance).isEmpty()) {
            return List.of();
        }
        java.util.Set<ValidationMessage> messages = compiled(schemas, schemaDocument, schemaName).validate(instance);
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
            String message = message(m, instance.at(pointer(location)), FieldProblem.personal(field));
            byField.merge(field, message, (a, b) -> a.contains(b) ? a : a + "; " + b);
        }
        List<FieldProblem> problems = new ArrayList<>();
        byField.forEach((field, message) -> problems.add(new FieldProblem(field, message)));
        problems.sort(java.util.Comparator.comparing(FieldProblem::field));
        return problems;
    }

    private static JsonSchema compiled(Map<String, JsonSchema> cache, ObjectNode document, String schemaName) {
        return cache.computeIfAbsent(schemaName, name -> {
            ObjectNode root = document.deepCopy();
            root.put("$ref", "#/$defs/" + name);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
        });
    }

    /**
     * The document with every {@code oneOf} whose branches are told apart by a constant {@code source} (a
     * government record) rewritten as "source is one of them, and the record is valid against its source's
     * branch". A value is valid against the one exactly when it is valid against the other (a record can only
     * fit the branch of its own source), but the rewritten form checks one branch instead of all ten, and does
     * not build a complaint for each branch that does not fit. Its complaints are not the contract's words:
     * it only answers whether there are any.
     */
    static ObjectNode quick(ObjectNode document) {
        ObjectNode quick = document.deepCopy();
        ObjectNode defs = (ObjectNode) quick.get("$defs");
        ObjectMapper json = new ObjectMapper();
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> def = it.next();
            JsonNode oneOf = def.getValue().get("oneOf");
            if (oneOf == null || !oneOf.isArray()) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ArrayNode sources = json.createArrayNode();
            com.fasterxml.jackson.databind.node.ArrayNode branches = json.createArrayNode();
            for (JsonNode branch : oneOf) {
                String ref = branch.path("$ref").asText("");
                JsonNode source = defs.path(ref.replace("#/$defs/", "")).path("properties").path("source").path("const");
                if (!ref.startsWith("#/$defs/") || !source.isTextual()) {
                    branches = null;
                    break;
                }
                if (contains(sources, source)) {
                    branches = null; // two branches for one source: only oneOf says which is meant
                    break;
                }
                sources.add(source);
                ObjectNode when = json.createObjectNode();
                when.putObject("if").putObject("properties").putObject("source").set("const", source);
                when.putObject("then").put("$ref", ref);
                branches.add(when);
            }
            if (branches == null) {
                continue; // not told apart by source: left as it is
            }
            ObjectNode replacement = json.createObjectNode();
            replacement.put("type", "object");
            replacement.putArray("required").add("source");
            replacement.putObject("properties").putObject("source").set("enum", sources);
            replacement.set("allOf", branches);
            def.setValue(replacement);
        }
        return quick;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
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

    /** The violation in the words the API uses everywhere else; a personal field's value is not repeated. */
    private static String message(ValidationMessage m, JsonNode value, boolean personal) {
        String given = value.isMissingNode() || personal ? "" : "'" + value.asText() + "' ";
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        String arg = args.length > 0 ? String.valueOf(args[0]) : "";
        return switch (m.getType()) {
            case "additionalProperties" -> "unknown field: check its spelling against the API contract";
            case "required" -> "is required";
            case "enum" -> given + "is not one of " + arg.replaceAll("[\\[\\]\"]", "").replace(",", ", ")
                    .replaceAll(" +", " ");
            case "format" -> given + "is not a real date in YYYY-MM-DD form";
            case "pattern" -> arg.contains("\\d{6}") ? "must be a six-digit GB/T 2260 region code, like 370102"
                    + was(given) : given + "does not have the expected form " + arg;
            case "minimum" -> "must be greater than or equal to " + arg + was(given);
            case "maximum" -> "must be at most " + arg + was(given);
            case "const" -> given + "must be " + arg;
            default -> m.getMessage().replaceFirst("^\\Q" + m.getInstanceLocation() + "\\E:?\\s*", "");
        };
    }

    private static String was(String given) {
        return given.isEmpty() ? "" : " (was " + given.trim() + ")";
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
