package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.Text;
import cn.talentpolicy.engine.PolicyDefinition.Combine;
import cn.talentpolicy.engine.PolicyDefinition.CriterionDefinition;
import cn.talentpolicy.engine.PolicyDefinition.Kind;
import cn.talentpolicy.engine.PolicyDefinition.PartDefinition;
import cn.talentpolicy.engine.PolicyDefinition.ReasonDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.internal.conf.ShareBetaNodesOption;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a rules folder: {@code common/} and one folder per policy holding {@code policy.yaml}, {@code *.drl}
 * and {@code parameters/*.yaml}. Compiles the DRL once into a KieBase and checks that every rule carries its
 * metadata and that every parameter a rule reads exists. Any problem fails the whole load with file, line and
 * message: a ruleset is either loaded entirely or not at all.
 */
public final class RulesetLoader {

    public static final String COMMON = "common";
    private static final Pattern POLICY_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern PARAM_USE =
            Pattern.compile("params\\s*\\.\\s*(amount|integer|threshold|date|valueAt|inForce|inForceFrom)\\s*\\(\\s*\"([^\"]+)\"");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RulesetLoader() {
    }

    /**
     * The version a folder would load as (the content hash of every file in it), without compiling it: cheap
     * enough to poll for changes.
     */
    public static String versionOf(Path rulesDir) {
        Loading loading = new Loading(rulesDir.toAbsolutePath().normalize());
        return loading.hashOnly();
    }

    public static Ruleset load(Path rulesDir) {
        Loading loading = new Loading(rulesDir.toAbsolutePath().normalize());
        return loading.run();
    }

    /** Where a rule is written: its file and line. */
    private record RuleSite(String file, int line, String packageName) {
    }

    private static final class Loading {
        private final Path root;
        private final List<RulesetProblem> problems = new ArrayList<>();
        private final Map<String, PolicyYaml> policyFiles = new LinkedHashMap<>();
        private final Map<String, ParameterDefinition> parameters = new TreeMap<>();
        private final Map<String, String> drlFiles = new TreeMap<>();
        private final java.util.SortedMap<String, byte[]> sources = new TreeMap<>();
        private final Map<String, RuleSite> ruleSites = new LinkedHashMap<>();
        private final Map<String, Set<String>> parametersRead = new TreeMap<>();

        Loading(Path root) {
            this.root = root;
        }

        Ruleset run() {
            if (!Files.isDirectory(root)) {
                throw new RulesetException(List.of(new RulesetProblem(root.toString(), 0, 0, "not a folder")));
            }
            String version = readFolder();
            failIfProblems();
            KieServices ks = KieServices.Factory.get();
            ReleaseId releaseId = ks.newReleaseId("cn.talentpolicy", "rules", "1.0.0-" + UUID.randomUUID());
            KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
            drlFiles.forEach((file, text) -> kfs.write("src/main/resources/rules/" + file,
                    text.getBytes(StandardCharsets.UTF_8)));
            // DRL (mvel) mode: its errors point into the policy writer's file, not into generated code
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                if (m.getText() != null && m.getText().contains("Parser returned a null Package")) {
                    continue;
                }
                String path = m.getPath() == null ? "" : m.getPath().replaceFirst("^(src/main/resources/)?rules/", "");
                problems.add(new RulesetProblem(path, m.getLine(), m.getColumn(), m.getText().trim()));
            }
            failIfProblems();
            KieContainer container = ks.newKieContainer(releaseId);
            // Beta-node sharing is off: with it, two rules sharing a prefix of patterns (the part decision and
            // the ledger total) left an accumulate stale in Drools 10.2 and a decision was never made.
            KieBaseConfiguration configuration = ks.newKieBaseConfiguration();
            configuration.setOption(ShareBetaNodesOption.NO);
            KieBase kieBase = container.newKieBase(configuration);
            ks.getRepository().removeKieModule(releaseId);
            checkParameterUses();
            Map<String, PolicyDefinition> policies = checkRules(kieBase);
            if (!problems.isEmpty()) {
                container.dispose();
                failIfProblems();
            }
            return new Ruleset(version, policies, new Parameters(parameters), kieBase, container, sources);
        }

        private void failIfProblems() {
            if (!problems.isEmpty()) {
                throw new RulesetException(problems);
            }
        }

        String hashOnly() {
            MessageDigest digest = sha256();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(file));
                    digest.update((byte) 0);
                }
            } catch (IOException e) {
                return "unreadable:" + e.getMessage();
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        }

        /** Reads every file, and returns the content hash of the whole folder (the ruleset version). */
        private String readFolder() {
            MessageDigest digest = sha256();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new RulesetException(List.of(new RulesetProblem(root.toString(), 0, 0, e.getMessage())));
            }
            for (Path file : files) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    problems.add(new RulesetProblem(rel, 0, 0, "cannot be read: " + e.getMessage()));
                    continue;
                }
                digest.update(rel.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
                digest.update((byte) 0);
                sources.put(rel, bytes);
                String[] parts = rel.split("/");
                String folder = parts[0];
                if (parts.length == 1) {
                    continue; // README.md, CHANGELOG.md
                }
                if (!folder.equals(COMMON) && !POLICY_ID.matcher(folder).matches()) {
                    problems.add(new RulesetProblem(rel, 0, 0,
                            "policy folder names are policy ids in snake_case, like jinan_rent_subsidy"));
                    continue;
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (parts.length == 2 && rel.endsWith(".drl")) {
                    drlFiles.put(rel, text);
                    indexRules(rel, text);
                } else if (parts.length == 2 && parts[1].equals("policy.yaml")) {
                    readPolicyYaml(folder, rel, text);
                } else if (parts.length == 3 && parts[1].equals("parameters") && rel.endsWith(".yaml")) {
                    readParameters(folder, rel, text);
                }
            }
            try (Stream<Path> dirs = Files.list(root)) {
                dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                        .filter(name -> !name.equals(COMMON) && POLICY_ID.matcher(name).matches())
                        .filter(name -> !policyFiles.containsKey(name))
                        .forEach(name -> problems.add(new RulesetProblem(name + "/policy.yaml", 0, 0,
                                "missing: every policy folder has a policy.yaml with its title, kind and sources")));
            } catch (IOException e) {
                problems.add(new RulesetProblem(root.toString(), 0, 0, e.getMessage()));
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        }

        private void indexRules(String file, String text) {
            Matcher pkg = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE).matcher(text);
            String packageName = pkg.find() ? pkg.group(1) : "";
            String folder = file.substring(0, file.indexOf('/'));
            if (!packageName.equals("rules." + folder)) {
                problems.add(new RulesetProblem(file, lineOf(text, pkg.find(0) ? pkg.start(1) : 0), 0,
                        "the package must be rules." + folder + " (the folder's name), not '" + packageName + "'"));
            }
            Matcher m = RULE_DECL.matcher(text);
            while (m.find()) {
                ruleSites.put(packageName + "/" + m.group(1), new RuleSite(file, lineOf(text, m.start(1)), packageName));
            }
            // rules are code that runs in the service: held to the rule vocabulary before anything is compiled. It
            // also refuses taking back or changing a fact: a part is decided when its count of criteria is reached,
            // once, which holds only if rules only insert (rules/common/decisions.drl)
            problems.addAll(VocabularyCheck.check(file, text));
        }

        private void readPolicyYaml(String folder, String rel, String text) {
            try {
                JsonNode node = YAML.readTree(text);
                PolicyYaml policy = new PolicyYaml();
                policy.id = node.path("id").asText(null);
                policy.titleZh = node.path("title").path("zh").asText(null);
                policy.titleEn = node.path("title").path("en").asText(null);
                policy.kind = node.path("kind").asText("decision");
                policy.combine = node.path("combine").asText("all");
                Set<String> policyLedger = ledgerUnits(node.path("ledger"), rel);
                for (JsonNode p : node.path("parts")) {
                    policy.parts.put(p.path("id").asText(), new Text(p.path("title").path("zh").asText(null),
                            p.path("title").path("en").asText(null)));
                    policy.ledger.put(p.path("id").asText(),
                            p.has("ledger") ? ledgerUnits(p.path("ledger"), rel) : policyLedger);
                }
                if (policy.parts.isEmpty()) {
                    policy.parts.put(RuleMetadata.DEFAULT_PART, null);
                    policy.ledger.put(RuleMetadata.DEFAULT_PART, policyLedger);
                }
                for (JsonNode s : node.path("sources")) {
                    policy.sources.add(s.asText());
                }
                for (JsonNode c : node.path("acceptsSelfDeclared")) {
                    policy.acceptsSelfDeclared.add(c.asText());
                }
                if (!folder.equals(policy.id)) {
                    problems.add(new RulesetProblem(rel, 1, 0, "id must be the folder's name, " + folder));
                }
                if (policy.titleZh == null || policy.titleEn == null) {
                    problems.add(new RulesetProblem(rel, 0, 0, "title needs both zh and en"));
                }
                if (!List.of("decision", "derived").contains(policy.kind)) {
                    problems.add(new RulesetProblem(rel, 0, 0, "kind is decision or derived, not " + policy.kind));
                }
                if (!List.of("all", "any").contains(policy.combine)) {
                    problems.add(new RulesetProblem(rel, 0, 0, "combine is all or any, not " + policy.combine));
                }
                if (policy.sources.isEmpty()) {
                    problems.add(new RulesetProblem(rel, 0, 0, "sources: cite at least one published source"));
                }
                policyFiles.put(folder, policy);
            } catch (IOException e) {
                problems.add(new RulesetProblem(rel, 0, 0, "not valid YAML: " + e.getMessage()));
            }
        }

        /** {@code ledger: [months, amount]}; omitted means either may be recorded. */
        private Set<String> ledgerUnits(JsonNode node, String rel) {
            if (node.isMissingNode()) {
                return Set.of("months", "amount");
            }
            Set<String> units = new java.util.TreeSet<>();
            for (JsonNode unit : node.isTextual() ? List.of(node) : node) { // "ledger: months" means [months]
                if (!List.of("months", "amount").contains(unit.asText())) {
                    problems.add(new RulesetProblem(rel, 0, 0, "ledger lists months and/or amount, not " + unit.asText()));
                }
                units.add(unit.asText());
            }
            return Set.copyOf(units);
        }

        private void readParameters(String folder, String rel, String text) {
            JsonNode root;
            try {
                root = YAML.readTree(text);
            } catch (IOException e) {
                problems.add(new RulesetProblem(rel, 0, 0, "not valid YAML: " + e.getMessage()));
                return;
            }
            if (root == null || !root.isObject()) {
                problems.add(new RulesetProblem(rel, 0, 0, "a parameters file maps parameter names to definitions"));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = folder + "." + entry.getKey();
                int line = lineOf(text, text.indexOf(entry.getKey() + ":"));
                JsonNode def = entry.getValue();
                TreeMap<LocalDate, Object> values = new TreeMap<>();
                JsonNode valuesNode = def.path("values");
                if (!valuesNode.isObject() || valuesNode.isEmpty()) {
                    problems.add(new RulesetProblem(rel, line, 0,
                            entry.getKey() + ": values must map effective dates (YYYY-MM-DD) to values"));
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> v = valuesNode.fields(); v.hasNext(); ) {
                    Map.Entry<String, JsonNode> dated = v.next();
                    try {
                        values.put(LocalDate.parse(dated.getKey()), value(dated.getValue()));
                    } catch (DateTimeParseException e) {
                        problems.add(new RulesetProblem(rel, line, 0, entry.getKey() + ": '" + dated.getKey()
                                + "' is not a date (YYYY-MM-DD)"));
                    }
                }
                for (String field : List.of("description", "reference")) {
                    if (def.path(field).asText("").isBlank()) {
                        problems.add(new RulesetProblem(rel, line, 0, entry.getKey() + ": needs a " + field));
                    }
                }
                if (parameters.containsKey(key)) {
                    problems.add(new RulesetProblem(rel, line, 0, key + " is defined twice"));
                }
                parameters.put(key, new ParameterDefinition(key, def.path("description").asText(),
                        def.path("unit").asText(null), def.path("reference").asText(), values));
            }
        }

        private static Object value(JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> table = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> table.put(e.getKey(), value(e.getValue())));
                return java.util.Collections.unmodifiableMap(table); // in the order the file gives
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            String text = node.asText();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return text;
            }
        }

        private Map<String, PolicyDefinition> checkRules(KieBase kieBase) {
            List<RuleMetadata> rules = new ArrayList<>();
            for (KiePackage pkg : kieBase.getKiePackages()) {
                if (!pkg.getName().startsWith("rules.")) {
                    continue;
                }
                for (Rule rule : pkg.getRules()) {
                    rules.add(RuleMetadata.of(rule));
                }
            }
            // the order rules are written in, file by file: criteria are listed in that order
            Map<String, Integer> order = new LinkedHashMap<>();
            ruleSites.keySet().forEach(k -> order.put(k, order.size()));
            rules.sort((a, b) -> Integer.compare(order.getOrDefault(a.packageName() + "/" + a.name(), 0),
                    order.getOrDefault(b.packageName() + "/" + b.name(), 0)));

            Map<String, Map<String, Map<String, List<ReasonDefinition>>>> criteria = new LinkedHashMap<>();
            Map<String, String> reasonCodes = new LinkedHashMap<>();
            for (RuleMetadata rule : rules) {
                RuleSite site = ruleSites.getOrDefault(rule.packageName() + "/" + rule.name(),
                        new RuleSite(rule.packageName(), 0, rule.packageName()));
                String folder = rule.packagePolicy();
                if (!folder.equals(rule.policyId())) {
                    problems.add(new RulesetProblem(site.file(), site.line(), 0, "rule \"" + rule.name()
                            + "\" needs @policy(" + folder + ") (the folder's policy id)"));
                }
                if (rule.source() == null) {
                    problems.add(new RulesetProblem(site.file(), site.line(), 0, "rule \"" + rule.name()
                            + "\" needs @source(\"...\"): the clause or published source it encodes"));
                }
                if (rule.reasonCode() == null) {
                    problems.add(new RulesetProblem(site.file(), site.line(), 0, "rule \"" + rule.name()
                            + "\" needs @reasonCode(...): a stable code in UPPER_SNAKE_CASE"));
                    continue;
                }
                String scope = folder + "/" + (rule.isCriterion() ? rule.criterion() : "") + "/" + rule.reasonCode();
                String twin = reasonCodes.put(scope, rule.name());
                if (twin != null) {
                    problems.add(new RulesetProblem(site.file(), site.line(), 0, "reason code " + rule.reasonCode()
                            + " is used by rule \"" + twin + "\" too: give each rule its own reason code"));
                }
                if (!rule.isCriterion()) {
                    continue;
                }
                if (rule.status() == null || !List.of("PASS", "FAIL", "UNKNOWN").contains(rule.status())) {
                    problems.add(new RulesetProblem(site.file(), site.line(), 0, "rule \"" + rule.name()
                            + "\" needs @status(PASS), @status(FAIL) or @status(UNKNOWN)"));
                }
                if (rule.message() == null || rule.message().en() == null || rule.message().zh() == null) {
                    problems.add(new RulesetProblem(site.file(), site.line(), 0, "rule \"" + rule.name()
                            + "\" needs @en(\"...\") and @zh(\"...\") messages"));
                }
                PolicyYaml policy = policyFiles.get(folder);
                if (policy == null) {
                    continue;
                }
                if (!policy.parts.containsKey(rule.part())) {
                    problems.add(new RulesetProblem(site.file(), site.line(), 0, "rule \"" + rule.name()
                            + "\" names part " + rule.part() + ", which policy.yaml does not list"));
                    continue;
                }
                criteria.computeIfAbsent(folder, k -> new LinkedHashMap<>())
                        .computeIfAbsent(rule.part(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rule.criterion(), k -> new ArrayList<>())
                        .add(new ReasonDefinition(rule.status(), rule.reasonCode(), rule.message(), rule.source(),
                                rule.name(), rule.missingFacts(), site.file(), site.line()));
            }

            Map<String, PolicyDefinition> policies = new LinkedHashMap<>();
            policyFiles.forEach((folder, yaml) -> {
                Kind kind = "derived".equals(yaml.kind) ? Kind.DERIVED : Kind.DECISION;
                List<PartDefinition> parts = new ArrayList<>();
                yaml.parts.forEach((partId, title) -> {
                    Map<String, List<ReasonDefinition>> partCriteria =
                            criteria.getOrDefault(folder, Map.of()).getOrDefault(partId, Map.of());
                    if (kind == Kind.DECISION && partCriteria.isEmpty()) {
                        problems.add(new RulesetProblem(folder + "/policy.yaml", 0, 0,
                                "part " + partId + " has no criterion rules (@criterion(...))"));
                    }
                    parts.add(new PartDefinition(partId, title, partCriteria.entrySet().stream()
                            .map(e -> new CriterionDefinition(e.getKey(), partId, List.copyOf(e.getValue())))
                            .toList(), yaml.ledger.getOrDefault(partId, Set.of("months", "amount"))));
                });
                if (kind == Kind.DERIVED && criteria.containsKey(folder)) {
                    problems.add(new RulesetProblem(folder + "/policy.yaml", 0, 0,
                            "a derived policy has no criteria; make it kind: decision"));
                }
                policies.put(folder, new PolicyDefinition(folder, new Text(yaml.titleZh, yaml.titleEn), kind,
                        "any".equals(yaml.combine) ? Combine.ANY : Combine.ALL, List.copyOf(parts),
                        List.copyOf(yaml.sources), folder, Set.copyOf(parametersRead.getOrDefault(folder, Set.of())),
                        Set.copyOf(yaml.acceptsSelfDeclared)));
            });
            return policies;
        }

        private void checkParameterUses() {
            drlFiles.forEach((file, text) -> {
                Matcher m = PARAM_USE.matcher(text);
                while (m.find()) {
                    String key = m.group(1).startsWith("inForce") ? m.group(2) + ".in_force" : m.group(2);
                    parametersRead.computeIfAbsent(file.substring(0, file.indexOf('/')), k -> new java.util.TreeSet<>())
                            .add(key);
                    if (!parameters.containsKey(key)) {
                        problems.add(new RulesetProblem(file, lineOf(text, m.start(2)), 0,
                                "reads parameter " + key + ", which no parameters/*.yaml file defines"));
                    }
                }
            });
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static int lineOf(String text, int index) {
            if (index < 0) {
                return 0;
            }
            int line = 1;
            for (int i = 0; i < index && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /** What policy.yaml says. */
    private static final class PolicyYaml {
        String id;
        String titleZh;
        String titleEn;
        String kind;
        String combine;
        final Map<String, Text> parts = new LinkedHashMap<>();
        final Map<String, Set<String>> ledger = new LinkedHashMap<>();
        final List<String> sources = new ArrayList<>();
        final Set<String> acceptsSelfDeclared = new java.util.TreeSet<>();
    }
}
