package cn.talentpolicy.rulesets;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetProblem;
import cn.talentpolicy.evaluation.EvaluationService;
import cn.talentpolicy.input.FactsMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the policy cases of a rules folder and runs them against a ruleset, exactly as the API would evaluate
 * the person. Used by the test suite, the validate command and hot reload: one way to run a case.
 */
public final class PolicyCases {

    /** A case with where it is written. */
    public record Located(String policyId, String file, int line, PolicyCase policyCase) {
    }

    static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()).addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private PolicyCases() {
    }

    /**
     * Every case under {@code <rulesDir>/<policy>/tests/*.yaml}, optionally of one policy or of the files whose
     * name starts with {@code onlyFile}. A file that cannot be read as cases becomes a problem, not an exception.
     */
    public static List<Located> load(Path rulesDir, String onlyPolicy, String onlyFile, List<RulesetProblem> problems)
            throws IOException {
        List<Located> cases = new ArrayList<>();
        try (Stream<Path> folders = Files.list(rulesDir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String policyId = folder.getFileName().toString();
                Path tests = folder.resolve("tests");
                if (!Files.isDirectory(tests) || (onlyPolicy != null && !onlyPolicy.equals(policyId))) {
                    continue;
                }
                try (Stream<Path> yamls = Files.list(tests)) {
                    for (Path file : yamls.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                        if (onlyFile != null && !file.getFileName().toString().startsWith(onlyFile)) {
                            continue;
                        }
                        String rel = rulesDir.relativize(file).toString().replace('\\', '/');
                        String text;
                        try {
                            text = Files.readString(file);
                        } catch (IOException e) {
                            problems.add(new RulesetProblem(rel, 0, 0, "cannot be read as UTF-8 text: " + e));
                            continue;
                        }
                        PolicyCase.File parsed;
                        try {
                            parsed = YAML.readValue(text, PolicyCase.File.class);
                        } catch (UnrecognizedPropertyException e) {
                            problems.add(new RulesetProblem(rel, lineOfKey(text, e.getPropertyName()), 0,
                                    "unknown key '" + e.getPropertyName() + "' (the keys are case, asOf, person, expect; "
                                            + "see rules/README.md)"));
                            continue;
                        } catch (JsonMappingException e) {
                            problems.add(new RulesetProblem(rel, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                                    0, "not a file of cases: " + e.getOriginalMessage()));
                            continue;
                        }
                        if (parsed == null || parsed.cases() == null) {
                            problems.add(new RulesetProblem(rel, 1, 0, "a cases file starts with 'cases:'"));
                            continue;
                        }
                        for (PolicyCase c : parsed.cases()) {
                            cases.add(new Located(policyId, rel, lineOf(text, c.sentence()), c));
                        }
                    }
                }
            }
        }
        return cases;
    }

    /** Runs one case: the person is evaluated for the case's policy, and every expectation is compared. */
    public static CaseResult run(Ruleset ruleset, Located located) {
        PolicyCase c = located.policyCase();
        List<String> shape = new ArrayList<>();
        if (c.sentence() == null || c.sentence().isBlank()) {
            shape.add("the case needs a sentence (case: ...)");
        }
        if (c.asOf() == null) {
            shape.add("the case needs an as-of date (asOf: YYYY-MM-DD)");
        }
        if (c.person() == null) {
            shape.add("the case needs a person");
        } else {
            for (ConstraintViolation<?> v : VALIDATOR.validate(c.person())) {
                shape.add("person." + v.getPropertyPath() + ": " + v.getMessage());
            }
        }
        if (c.expect() == null || c.expect().outcome() == null) {
            shape.add("the case needs expect.outcome");
        }
        if (!shape.isEmpty()) {
            return new CaseResult(located.policyId(), located.file(), located.line(), c.sentence(), shape, null, Set.of());
        }
        try {
            EvaluationService service = new EvaluationService(new RulesetHolder(ruleset), Clock.system(ZoneOffset.UTC));
            Decision decision = service.evaluate(FactsMapper.INSTANCE.toFacts(c.person()), c.asOf(),
                    List.of(located.policyId()), false).decisions().get(0);
            Set<String> reasons = decision.criteria().stream().map(r -> r.criterion() + "/" + r.reasonCode())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            List<String> mismatches = mismatches(c.expect(), decision);
            if (!mismatches.isEmpty()) {
                mismatches.add("the decision's criteria were:\n" + decision.criteria().stream()
                        .map(r -> "      " + r.status() + " " + r.criterion() + " " + r.reasonCode() + ": "
                                + r.message().en())
                        .collect(Collectors.joining("\n")));
            }
            return new CaseResult(located.policyId(), located.file(), located.line(), c.sentence(), mismatches,
                    null, reasons);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String error = e.getMessage() + (root != e ? " (" + root + ")" : "");
            return new CaseResult(located.policyId(), located.file(), located.line(), c.sentence(), List.of(),
                    error, Set.of());
        }
    }

    static List<String> mismatches(PolicyCase.Expectation expect, Decision decision) {
        List<String> out = new ArrayList<>();
        if (expect.outcome() != decision.outcome()) {
            out.add("outcome: expected " + expect.outcome() + ", actual " + decision.outcome());
        }
        if (expect.certifiedTier() != null && !expect.certifiedTier().equals(decision.certifiedTier())) {
            out.add("certifiedTier: expected " + expect.certifiedTier() + ", actual " + decision.certifiedTier());
        }
        if (expect.benefits() != null) {
            List<Benefit> actual = decision.benefits();
            if (expect.benefits().size() != actual.size()) {
                out.add("benefits: expected " + expect.benefits().size() + ", actual " + actual.size() + " "
                        + actual.stream().map(PolicyCases::describe).toList());
            } else {
                for (int i = 0; i < actual.size(); i++) {
                    PolicyCase.ExpectedBenefit e = expect.benefits().get(i);
                    Benefit a = actual.get(i);
                    compare(out, "benefits[" + i + "].part", e.part(), a.part());
                    compare(out, "benefits[" + i + "].kind", e.kind(), a.kind());
                    compare(out, "benefits[" + i + "].amount", e.amount(), a.amount());
                    compare(out, "benefits[" + i + "].months", e.months(), a.months());
                    compare(out, "benefits[" + i + "].years", e.years(), a.years());
                    compare(out, "benefits[" + i + "].total", e.total(), a.total());
                }
            }
        }
        if (expect.missingFacts() != null) {
            for (String fact : expect.missingFacts()) {
                if (!decision.missingFacts().contains(fact)) {
                    out.add("missingFacts: expected to include " + fact + ", actual " + decision.missingFacts());
                }
            }
        }
        if (expect.criteria() != null) {
            expect.criteria().forEach((criterion, status) -> {
                CriterionResult result = decision.criteria().stream()
                        .filter(r -> r.criterion().equals(criterion)).findFirst().orElse(null);
                if (result == null) {
                    out.add("criteria." + criterion + ": the policy has no such criterion");
                } else if (result.status() != status) {
                    out.add("criteria." + criterion + ": expected " + status + ", actual " + result.status()
                            + " (" + result.reasonCode() + ")");
                }
            });
        }
        if (expect.reasonCodes() != null) {
            List<String> actual = decision.criteria().stream().map(CriterionResult::reasonCode).toList();
            for (String code : expect.reasonCodes()) {
                if (!actual.contains(code)) {
                    out.add("reasonCodes: expected to include " + code + ", actual " + actual);
                }
            }
        }
        return out;
    }

    private static String describe(Benefit b) {
        return b.kind() + " " + b.amount() + (b.months() == null ? "" : " x " + b.months() + " months")
                + (b.years() == null ? "" : " x " + b.years() + " years") + " = " + b.total();
    }

    private static void compare(List<String> out, String field, Object expected, Object actual) {
        if (expected == null) {
            return;
        }
        boolean same = expected instanceof BigDecimal e && actual instanceof BigDecimal a
                ? e.compareTo(a) == 0 : Objects.equals(expected, actual);
        if (!same) {
            out.add(field + ": expected " + expected + ", actual " + actual);
        }
    }

    private static int lineOfKey(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().replaceFirst("^- ", "").startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int lineOf(String text, String sentence) {
        if (sentence == null) {
            return 0;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("case:") && lines[i].contains(sentence.length() > 40 ? sentence.substring(0, 40) : sentence)) {
                return i + 1;
            }
        }
        return 0;
    }
}
