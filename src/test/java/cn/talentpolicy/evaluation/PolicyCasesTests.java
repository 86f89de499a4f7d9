package cn.talentpolicy.evaluation;

import cn.talentpolicy.api.EvaluationMapperImpl;
import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every policy case in {@code rules/<policy>/tests/*.yaml} as its own test, named by policy, file and
 * sentence. A policy writer runs one policy's cases with {@code -Dpolicy=<policy_id>} and one file's with
 * {@code -Dcases=<file name>}; a failure lists every expectation that was not met, expected against actual.
 */
class PolicyCasesTests {

    static final Path RULES = Path.of(System.getProperty("rules", "rules"));
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final EvaluationMapperImpl MAPPER = new EvaluationMapperImpl();

    static Ruleset ruleset;
    static EvaluationService service;

    @BeforeAll
    static void load() {
        ruleset = RulesetLoader.load(RULES);
        service = new EvaluationService(new RulesetHolder(ruleset), Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @TestFactory
    Stream<DynamicNode> policyCases() throws IOException {
        String onlyPolicy = System.getProperty("policy");
        String onlyFile = System.getProperty("cases");
        List<DynamicNode> policies = new ArrayList<>();
        try (Stream<Path> folders = Files.list(RULES)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String policyId = folder.getFileName().toString();
                Path tests = folder.resolve("tests");
                if (!Files.isDirectory(tests) || (onlyPolicy != null && !onlyPolicy.equals(policyId))) {
                    continue;
                }
                List<DynamicNode> files = new ArrayList<>();
                try (Stream<Path> yamls = Files.list(tests)) {
                    for (Path file : yamls.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                        if (onlyFile != null && !file.getFileName().toString().startsWith(onlyFile)) {
                            continue;
                        }
                        PolicyCase.File cases = YAML.readValue(file.toFile(), PolicyCase.File.class);
                        files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(),
                                cases.cases().stream().map(c -> DynamicTest.dynamicTest(c.sentence(), file.toUri(),
                                        () -> check(policyId, c)))));
                    }
                }
                policies.add(DynamicContainer.dynamicContainer(policyId, files.stream()));
            }
        }
        assertThat(policies).as("policy case folders under " + RULES).isNotEmpty();
        return policies.stream();
    }

    static void check(String policyId, PolicyCase c) {
        assertThat(c.expect()).as("the case needs an expect: section").isNotNull();
        assertThat(c.expect().outcome()).as("expect.outcome is required").isNotNull();
        assertThat(VALIDATOR.validate(c.person())).as("the case's person is valid API input").isEmpty();
        Evaluation evaluation = service.evaluate(MAPPER.toFacts(c.person()), c.asOf(), List.of(policyId), true);
        Decision decision = evaluation.decisions().get(0);
        List<String> mismatches = mismatches(c.expect(), decision);
        if (!mismatches.isEmpty()) {
            fail("Case: " + c.sentence() + "\n"
                    + mismatches.stream().map(m -> "  - " + m).collect(Collectors.joining("\n"))
                    + "\nThe decision's criteria:\n" + describe(decision));
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
                out.add("benefits: expected " + expect.benefits().size() + ", actual " + actual.size() + " " + actual);
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
                    out.add("criteria." + criterion + ": no such criterion");
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

    private static String describe(Decision decision) {
        return decision.criteria().stream()
                .map(r -> "  " + r.status() + " " + r.criterion() + " " + r.reasonCode() + ": " + r.message().en())
                .collect(Collectors.joining("\n"));
    }
}
