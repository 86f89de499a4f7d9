package cn.talentpolicy.rulesets;

import cn.talentpolicy.engine.ParameterDefinition;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetException;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.engine.RulesetProblem;
import cn.talentpolicy.rulesets.ValidationReport.Finding;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rules folder the way a policy writer needs before anything goes live: it compiles, every rule has
 * its metadata, every parameter a policy reads has a value from the day the policy comes into force, every
 * policy has cases, every case passes, and every reason code is produced by some case.
 */
public final class RulesetValidator {

    private RulesetValidator() {
    }

    /**
     * Validates {@code rulesDir}. When it compiles, the report carries the compiled ruleset; the caller serves
     * it or closes it.
     */
    public static ValidationReport validate(Path rulesDir) {
        return validate(rulesDir, c -> { });
    }

    /** The same, telling {@code beforeEach} of every case before it runs (so a case that never ends is named). */
    static ValidationReport validate(Path rulesDir, java.util.function.Consumer<PolicyCases.Located> beforeEach) {
        List<Finding> errors = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        Ruleset ruleset;
        try {
            ruleset = RulesetLoader.load(rulesDir);
        } catch (RulesetException e) {
            e.problems().forEach(p -> errors.add(finding(p)));
            return new ValidationReport(null, false, errors, warnings, 0, 0, null);
        }
        checkParameterLife(ruleset, errors);
        List<RulesetProblem> caseProblems = new ArrayList<>();
        List<PolicyCases.Located> cases;
        try {
            cases = PolicyCases.load(rulesDir, null, null, caseProblems);
        } catch (IOException e) {
            ruleset.close();
            errors.add(new Finding(".", 0, "the tests folders cannot be listed: " + e));
            return new ValidationReport(ruleset.version(), false, errors, warnings, 0, 0, null);
        }
        caseProblems.forEach(p -> errors.add(finding(p)));
        Map<String, Set<String>> produced = new HashMap<>();
        Set<String> policiesWithCases = new HashSet<>();
        int passed = 0;
        for (PolicyCases.Located c : cases) {
            PolicyDefinition policy = ruleset.policy(c.policyId());
            if (policy == null || policy.kind() != PolicyDefinition.Kind.DECISION) {
                errors.add(new Finding(c.file(), c.line(), c.policyId() + " is not a decision policy: its cases cannot run"));
                continue;
            }
            policiesWithCases.add(c.policyId());
            beforeEach.accept(c);
            CaseResult result = PolicyCases.run(ruleset, c);
            produced.computeIfAbsent(c.policyId(), k -> new HashSet<>()).addAll(result.reasons());
            if (result.passed()) {
                passed++;
            } else {
                errors.add(new Finding(c.file(), c.line(), result.describe()));
            }
        }
        for (PolicyDefinition policy : ruleset.sortedPolicies()) {
            if (policy.kind() != PolicyDefinition.Kind.DECISION) {
                continue;
            }
            if (!policiesWithCases.contains(policy.id())) {
                warnings.add(new Finding(policy.id() + "/tests", 0, "no test cases: add tests/*.yaml"));
                continue;
            }
            for (PolicyDefinition.PartDefinition part : policy.parts()) {
                for (PolicyDefinition.CriterionDefinition criterion : part.criteria()) {
                    for (PolicyDefinition.ReasonDefinition reason : criterion.reasons()) {
                        if (!produced.getOrDefault(policy.id(), Set.of()).contains(criterion.id() + "/" + reason.reasonCode())) {
                            warnings.add(new Finding(reason.file(), reason.line(), "reason code " + reason.reasonCode()
                                    + " (" + criterion.id() + ", rule \"" + reason.rule() + "\") is produced by no case"));
                        }
                    }
                }
            }
        }
        return new ValidationReport(ruleset.version(), errors.isEmpty(), errors, warnings, cases.size(), passed, ruleset);
    }

    /**
     * A parameter a policy reads must have a value on every day the policy is in force: from its first
     * in-force date on (values never end, so the first value's date is what matters).
     */
    private static void checkParameterLife(Ruleset ruleset, List<Finding> errors) {
        for (PolicyDefinition policy : ruleset.sortedPolicies()) {
            if (policy.kind() != PolicyDefinition.Kind.DECISION || !ruleset.parameters().exists(policy.id() + ".in_force")) {
                continue;
            }
            LocalDate from = ruleset.parameters().inForceFrom(policy.id());
            if (from == null) {
                continue;
            }
            for (String key : policy.parametersRead()) {
                ParameterDefinition definition = ruleset.parameters().definitions().get(key);
                if (definition != null && definition.values().firstKey().isAfter(from)) {
                    errors.add(new Finding(key.substring(0, key.indexOf('.')) + "/parameters", 0, key
                            + " has no value from " + from + " (when " + policy.id() + " comes into force) until "
                            + definition.values().firstKey()));
                }
            }
        }
    }

    private static Finding finding(RulesetProblem problem) {
        return new Finding(problem.file(), problem.line(), problem.message());
    }
}
