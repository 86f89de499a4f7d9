package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.Text;

import java.util.List;
import java.util.Set;

/**
 * A loaded policy as its folder describes it: {@code policy.yaml} (title, kind, how criteria combine, parts,
 * sources) and the criteria and reasons read from its rules' metadata.
 *
 * @param kind     DECISION answers with a decision; DERIVED only derives facts that other decisions show
 * @param combine  ALL: every criterion must pass; ANY: one passing criterion is enough (tier routes)
 * @param parametersRead the parameter keys the policy's rules read
 * @param acceptsSelfDeclared the criteria that may pass on a record the person declared (policy.yaml
 *                            {@code acceptsSelfDeclared}); in passive certification the others need a registry
 */
public record PolicyDefinition(String id, Text title, Kind kind, Combine combine, List<PartDefinition> parts,
                               List<String> sources, String folder, Set<String> parametersRead,
                               Set<String> acceptsSelfDeclared) {

    public enum Kind { DECISION, DERIVED }

    public enum Combine { ALL, ANY }

    /**
     * A part of a policy (most have one, "main"), its criteria in the order the rules list them, and what the
     * subsidy ledger records for it ({@code months}, {@code amount}; empty: it pays nothing).
     */
    public record PartDefinition(String id, Text title, List<CriterionDefinition> criteria, Set<String> ledger) {
    }

    /** A criterion and every reason a rule can give for it. */
    public record CriterionDefinition(String id, String part, List<ReasonDefinition> reasons) {
    }

    /**
     * One rule's verdict on a criterion: status, reason code, message templates and the clause it cites, and
     * where the rule is written (file relative to the rules folder, line).
     */
    public record ReasonDefinition(String status, String reasonCode, Text message, String source, String rule,
                                   List<String> missingFacts, String file, int line) {
    }
}
