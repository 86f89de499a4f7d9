package cn.talentpolicy.api;

import cn.talentpolicy.register.Differences;
import cn.talentpolicy.register.Outcomes;
import cn.talentpolicy.register.Owed;
import cn.talentpolicy.register.RecordKind;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answers of the decision register's endpoints ({@link DecisionController}). */
public final class DecisionResponses {

    private DecisionResponses() {
    }

    /**
     * A recorded decision. {@code caller} is shown to auditors only; {@code input} and {@code answer} are there
     * where the register keeps them and until their retention period ends.
     */
    public record DecisionRecord(String decisionId, long seq, RecordKind kind, Instant madeAt, String caller,
                                 String role, String region, String personId, LocalDate asOf, String rulesetVersion,
                                 String inputDigest, String source, String corrects, List<Outcomes> outcomes,
                                 Owed owed, String answerDigest, JsonNode input, JsonNode answer,
                                 String previousHash, String hash) {
    }

    /** One of a person's decisions, as a list shows it. */
    public record DecisionSummary(String decisionId, RecordKind kind, Instant madeAt, String role, String region,
                                  LocalDate asOf, String rulesetVersion, String source, String corrects,
                                  List<PolicySummary> outcomes) {
    }

    public record PolicySummary(String policyId, String outcome, BigDecimal total) {
    }

    public record PersonDecisions(String personId, List<DecisionSummary> decisions) {
    }

    /**
     * A decision evaluated again from its recorded input: under the ruleset it was made with (the same answer
     * shows it is reproducible) and under the ruleset serving now (what has changed since).
     */
    public record Replay(String decisionId, LocalDate asOf, ReplayRun recordedRuleset, ReplayRun currentRuleset) {
    }

    /**
     * One replay: the ruleset, whether the outcomes, amounts and criteria are those recorded, and where not.
     *
     * @param refused why the ruleset would not evaluate the recorded input (a policy it asked for is no longer
     *                loaded, say), or null
     */
    public record ReplayRun(String rulesetVersion, boolean same, List<Differences.PolicyDifference> differences,
                            String refused) {
    }

    /** What checking the chain found. */
    public record Verification(long records, boolean intact, Broken firstBroken, long headSeq, String headHash) {
    }

    public record Broken(long seq, String decisionId, String problem) {
    }
}
