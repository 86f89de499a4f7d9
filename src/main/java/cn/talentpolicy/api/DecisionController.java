package cn.talentpolicy.api;

import cn.talentpolicy.api.DecisionResponses.DecisionRecord;
import cn.talentpolicy.api.DecisionResponses.DecisionSummary;
import cn.talentpolicy.api.DecisionResponses.PersonDecisions;
import cn.talentpolicy.api.DecisionResponses.PolicySummary;
import cn.talentpolicy.api.DecisionResponses.Replay;
import cn.talentpolicy.api.DecisionResponses.ReplayRun;
import cn.talentpolicy.api.DecisionResponses.Verification;
import cn.talentpolicy.certification.CertificationService;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.evaluation.EvaluationService;
import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.evaluation.InvalidRequestException;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.input.InputPatterns;
import cn.talentpolicy.register.ChainCheck;
import cn.talentpolicy.register.DecisionRegister;
import cn.talentpolicy.register.Differences;
import cn.talentpolicy.register.NewDecision;
import cn.talentpolicy.register.Outcomes;
import cn.talentpolicy.register.Owed;
import cn.talentpolicy.register.RecordKind;
import cn.talentpolicy.register.RecordedDecision;
import cn.talentpolicy.register.RulesetArchives;
import cn.talentpolicy.security.Caller;
import cn.talentpolicy.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The decision register: a recorded decision, a person's decisions over time, a replay of a decision from its
 * recorded input, and a check of the chain. Officers read what was made under a region inside their own;
 * auditors read everything, and alone check the chain.
 */
@RestController
public class DecisionController {

    private final DecisionRegister register;
    private final RulesetArchives rulesets;
    private final RulesetHolder serving;
    private final EvaluationService evaluations;
    private final CertificationService certifications;
    private final FactsMapper facts;
    private final Contract contract;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    /** One replay compiles an older ruleset at a time (each takes a few seconds and some memory). */
    private final Object compiling = new Object();

    public DecisionController(DecisionRegister register, RulesetArchives rulesets, RulesetHolder serving,
                              EvaluationService evaluations, CertificationService certifications, FactsMapper facts,
                              Contract contract, JdbcTemplate jdbc, TransactionTemplate transactions,
                              ObjectMapper json) {
        this.register = register;
        this.rulesets = rulesets;
        this.serving = serving;
        this.evaluations = evaluations;
        this.certifications = certifications;
        this.facts = facts;
        this.contract = contract;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @GetMapping(path = "/api/v1/decisions/{decisionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DecisionRecord decision(@PathVariable String decisionId, Caller caller) {
        RecordedDecision r = visible(decisionId, caller);
        NewDecision d = r.decision();
        return new DecisionRecord(d.id(), r.seq(), d.kind(), d.madeAt(),
                caller.has(Roles.AUDITOR) ? d.maker().name() : null, d.maker().role(), d.maker().region(),
                d.personId(), d.asOf(), d.rulesetVersion(), d.inputDigest(), d.source(), d.corrects(),
                Outcomes.read(d.outcomes()), Owed.read(d.owed()), d.answerDigest(), tree(d.input()), tree(d.answer()),
                r.previousHash(), r.hash());
    }

    @GetMapping(path = "/api/v1/people/{personId}/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
    public PersonDecisions ofPerson(@PathVariable String personId,
                                    @RequestParam(defaultValue = "100") int limit, Caller caller) {
        if (!personId.matches(InputPatterns.ID) || personId.length() > 64) {
            throw new InvalidRequestException(List.of(new FieldProblem("personId", InputPatterns.ID_MESSAGE)));
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException(List.of(new FieldProblem("limit", "is between 1 and 1000")));
        }
        List<DecisionSummary> decisions = register.ofPerson(personId, caller::sees, limit).stream().map(r -> {
            NewDecision d = r.decision();
            List<PolicySummary> outcomes = Outcomes.read(d.outcomes()).stream()
                    .map(o -> new PolicySummary(o.policyId(), o.outcome(), o.total())).toList();
            return new DecisionSummary(d.id(), d.kind(), d.madeAt(), d.maker().role(), d.maker().region(), d.asOf(),
                    d.rulesetVersion(), d.source(), d.corrects(), outcomes);
        }).toList();
        return new PersonDecisions(personId, decisions);
    }

    @PostMapping(path = "/api/v1/decisions/{decisionId}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    public Replay replay(@PathVariable String decisionId, Caller caller) {
        RecordedDecision r = visible(decisionId, caller);
        NewDecision d = r.decision();
        if (d.kind() == RecordKind.SWEEP_CLAIM) {
            throw new ReplayUnavailableException("A sweep claim is not replayed alone: its input is the person's"
                    + " entry in the population of sweep " + d.source() + " (its digest is recorded); sweep that"
                    + " population again to decide it again");
        }
        if (d.input() == null) {
            throw new ReplayUnavailableException("The input of decision " + d.id() + " is not kept (the register"
                    + " keeps it where talent.register.keep-input says, for talent.register.input-retention-days);"
                    + " its outcomes and input digest are");
        }
        List<Outcomes> recorded = Outcomes.read(d.outcomes());
        ReplayRun underRecorded;
        synchronized (compiling) {
            try (RulesetArchives.Loaded loaded = rulesets.load(d.rulesetVersion()).orElseThrow(() ->
                    new ReplayUnavailableException("The register does not hold ruleset " + d.rulesetVersion()))) {
                underRecorded = run(d, loaded.ruleset(), recorded);
            }
        }
        ReplayRun underCurrent = run(d, serving.current(), recorded);
        return new Replay(d.id(), d.asOf(), underRecorded, underCurrent);
    }

    @GetMapping(path = "/api/v1/decisions/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    public Verification verify() {
        ChainCheck.Report report = ChainCheck.run(jdbc, transactions);
        ChainCheck.Broken broken = report.firstBroken();
        return new Verification(report.records(), report.intact(), broken == null ? null
                : new DecisionResponses.Broken(broken.seq(), broken.id(), broken.problem()), report.headSeq(),
                report.headHash());
    }

    /** The decision evaluated again from its input on a ruleset, against what was recorded. */
    private ReplayRun run(NewDecision d, Ruleset ruleset, List<Outcomes> recorded) {
        JsonNode input = tree(d.input());
        List<Decision> decisions;
        try {
            decisions = decide(d, input, ruleset);
        } catch (InvalidRequestException e) {
            return new ReplayRun(ruleset.version(), false, List.of(), "this ruleset does not take the recorded"
                    + " input: " + String.join("; ", e.problems().stream().map(p -> p.field() + ": " + p.message())
                    .toList()));
        }
        List<Differences.PolicyDifference> differences = Differences.between(recorded, Outcomes.of(decisions));
        return new ReplayRun(ruleset.version(), differences.isEmpty(), differences, null);
    }

    private List<Decision> decide(NewDecision d, JsonNode input, Ruleset ruleset) {
        List<Decision> decisions;
        if (d.kind() == RecordKind.CERTIFICATION) {
            CertificationRequest request = contract.read(input, "CertificationRequest", CertificationRequest.class);
            decisions = certifications.certify(ruleset, new CertificationService.Request(request.personId(),
                            request.asOf(), request.records(), request.policies(), d.maker().region()))
                    .decisions().stream().map(cn.talentpolicy.certification.Certification.CertifiedDecision::decision)
                    .toList();
        } else {
            EvaluationRequest request = contract.read(input, "EvaluationRequest", EvaluationRequest.class);
            decisions = evaluations.evaluate(ruleset, facts.toFacts(request.person()), request.asOf(),
                    request.policies(), false).decisions();
        }
        return decisions;
    }

    /** A recorded decision the caller may see: another region's answers 404, as an unknown id does. */
    private RecordedDecision visible(String decisionId, Caller caller) {
        return register.find(decisionId).filter(r -> caller.sees(r.decision().maker().region()))
                .orElseThrow(() -> new UnknownDecisionException(decisionId, "decisionId"));
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
