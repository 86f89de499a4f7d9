package cn.talentpolicy.certification;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.decisions.Text;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.evaluation.EvaluationService;
import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.evaluation.InvalidRequestException;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.input.GovernmentRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Passive certification (无形认证, 免申即享): records the government holds in, certified tier and entitlements out,
 * with no application. The records become the same plain facts an evaluation uses (the rules do not change);
 * each criterion then cites the records it relied on, and facts whose records are stale or in conflict are
 * unknown, so the criteria that need them are UNKNOWN and the decision NEEDS_INFO, naming the issue.
 */
@Service
public class CertificationService {

    /** What was asked: whose records, at which date, for which policies. */
    public record Request(String personId, LocalDate asOf, List<GovernmentRecord> records, List<String> policies) {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final EvaluationService evaluations;
    private final RulesetHolder rulesets;
    private final RecordAssembler assembler;
    private final Clock clock;

    public CertificationService(EvaluationService evaluations, RulesetHolder rulesets, Clock clock,
                                CertificationProperties properties) {
        this.evaluations = evaluations;
        this.rulesets = rulesets;
        this.clock = clock;
        this.assembler = new RecordAssembler(properties.maxAgeDays());
    }

    public Certification certify(Request request) {
        LocalDate asOf = request.asOf() == null ? LocalDate.now(clock) : request.asOf();
        checkRecords(request.records());
        AssembledPerson assembled = assembler.assemble(request.personId(), asOf, request.records());
        PersonFacts facts = FactsMapper.INSTANCE.toFacts(assembled.person());
        Map<Object, List<RecordRef>> provenance = provenance(facts, assembled.sources());
        Evaluation evaluation = evaluations.evaluate(facts, asOf, request.policies(), true);

        List<EvidenceIssue> allIssues = new ArrayList<>(assembled.issues());
        List<Certification.CertifiedDecision> decisions = new ArrayList<>();
        for (Decision decision : evaluation.decisions()) {
            decisions.add(certified(decision, provenance, assembled.issues(), allIssues));
        }
        String tier = decisions.stream().map(d -> d.decision())
                .filter(d -> d.policyId().equals("jinan_talent_tier")).map(Decision::certifiedTier)
                .findFirst().orElse(null);
        String digest = digest(request.personId(), request.records());
        String id = "cert-" + sha256(digest + "|" + evaluation.rulesetVersion() + "|" + asOf + "|"
                + (request.policies() == null ? "" : String.join(",", request.policies()))).substring(0, 20);
        return new Certification(id, request.personId(), asOf, evaluation.rulesetVersion(), digest, tier, decisions,
                List.copyOf(new LinkedHashSet<>(allIssues)), evaluation.trace());
    }

    /** The digest of the input records: the same records in any order and formatting give the same digest. */
    public static String digest(String personId, List<GovernmentRecord> records) {
        try {
            List<JsonNode> canonical = new ArrayList<>();
            for (GovernmentRecord record : records) {
                canonical.add(CANONICAL.readTree(CANONICAL.writeValueAsString(record)));
            }
            canonical.sort((a, b) -> a.toString().compareTo(b.toString()));
            return "sha256:" + sha256(personId + "\n" + CANONICAL.writeValueAsString(canonical));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkRecords(List<GovernmentRecord> records) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> education = new HashSet<>();
        for (GovernmentRecord r : records) {
            if (r instanceof GovernmentRecord.Education e) {
                education.add(e.recordId());
            }
        }
        for (int i = 0; i < records.size(); i++) {
            GovernmentRecord r = records.get(i);
            if (!ids.add(r.source() + ":" + r.recordId())) {
                problems.add(new FieldProblem("records[" + i + "].recordId",
                        r.source() + " record " + r.recordId() + " appears twice"));
            }
            if (r instanceof GovernmentRecord.Cscse c && !education.contains(c.degreeRecordId())) {
                problems.add(new FieldProblem("records[" + i + "].degreeRecordId",
                        "no EDUCATION_REGISTRY record has the id " + c.degreeRecordId()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** Which records gave each input fact the rules see (by identity: the rules return the same objects). */
    private static Map<Object, List<RecordRef>> provenance(PersonFacts facts, Map<String, List<RecordRef>> sources) {
        Map<Object, List<RecordRef>> provenance = new IdentityHashMap<>();
        provenance.put(facts.person(), sources.getOrDefault("person", List.of()));
        provenance.put(facts.education(), sources.getOrDefault("education", List.of()));
        provenance.put(facts.qualifications(), sources.getOrDefault("qualifications", List.of()));
        provenance.put(facts.employment(), sources.getOrDefault("employment", List.of()));
        provenance.put(facts.socialInsurance(), sources.getOrDefault("socialInsurance", List.of()));
        provenance.put(facts.housing(), sources.getOrDefault("housing", List.of()));
        if (facts.homePurchase() != null) {
            provenance.put(facts.homePurchase(), sources.getOrDefault("homePurchase", List.of()));
        }
        if (facts.postdoc() != null) {
            provenance.put(facts.postdoc(), sources.getOrDefault("postdoc", List.of()));
        }
        facts.ledger().forEach(entry -> provenance.put(entry, sources.getOrDefault("ledger", List.of())));
        return provenance;
    }

    private Certification.CertifiedDecision certified(Decision decision, Map<Object, List<RecordRef>> provenance,
                                                      List<EvidenceIssue> issues, List<EvidenceIssue> allIssues) {
        PolicyDefinition policy = rulesets.current().policy(decision.policyId());
        List<CriterionResult> criteria = new ArrayList<>();
        List<Certification.CriterionEvidence> evidence = new ArrayList<>();
        boolean changed = false;
        for (CriterionResult result : decision.criteria()) {
            Set<RecordRef> records = new LinkedHashSet<>();
            for (Object fact : result.basis()) {
                records.addAll(provenance.getOrDefault(fact, List.of()));
            }
            List<EvidenceIssue> own = new ArrayList<>();
            if (result.status() == Status.UNKNOWN) {
                for (EvidenceIssue issue : issues) {
                    if (result.missingFacts().stream().anyMatch(m -> m.equals(issue.field()) || issue.field().startsWith(m + "."))) {
                        own.add(issue);
                    }
                }
            }
            List<RecordRef> declared = records.stream().filter(RecordRef::selfDeclared).toList();
            if (result.status() == Status.PASS && !declared.isEmpty()
                    && (policy == null || !policy.acceptsSelfDeclared().contains(result.criterion()))) {
                EvidenceIssue issue = new EvidenceIssue(result.criterion(), EvidenceIssue.Kind.SELF_DECLARED,
                        declared.stream().map(RecordRef::toString).toList(),
                        "rests on a record the person declared; " + decision.policyId() + " accepts a declaration"
                                + " for this criterion only when the policy says so, so a registry record is needed");
                own.add(issue);
                allIssues.add(issue);
                result = new CriterionResult(result.personId(), result.policyId(), result.part(), result.criterion(),
                        Status.UNKNOWN, "SELF_DECLARED_NOT_ACCEPTED", new Text(
                        "依据本人申报的记录；该条件需要登记机关的记录。" + result.message().zh(),
                        "rests on a self-declared record, which this criterion does not accept: "
                                + result.message().en()), result.source(),
                        declared.stream().map(r -> "records:" + r.source()).distinct().toList(), result.rule(),
                        result.basis());
                changed = true;
            }
            criteria.add(result);
            evidence.add(new Certification.CriterionEvidence(List.copyOf(records), List.copyOf(own)));
        }
        if (!changed) {
            return new Certification.CertifiedDecision(decision, evidence);
        }
        return new Certification.CertifiedDecision(redecided(decision, policy, criteria), evidence);
    }

    /**
     * The decision again after criteria that rested on unaccepted declarations became UNKNOWN: each part is
     * combined as the policy says, and benefits remain only for parts still ELIGIBLE. Choice: policies that
     * rest on this one's outcome are not re-evaluated (they saw the declared facts), a simplification.
     */
    private static Decision redecided(Decision decision, PolicyDefinition policy, List<CriterionResult> criteria) {
        List<Decision.PartView> parts = new ArrayList<>();
        for (Decision.PartView part : decision.parts()) {
            List<Status> statuses = criteria.stream().filter(c -> c.part().equals(part.part()))
                    .map(CriterionResult::status).toList();
            Outcome outcome = policy.combine() == PolicyDefinition.Combine.ANY ? Outcome.anyOf(statuses)
                    : Outcome.allOf(statuses);
            parts.add(new Decision.PartView(part.part(), part.title(), outcome));
        }
        Outcome outcome = Outcome.ofParts(parts.stream().map(Decision.PartView::outcome).toList());
        Set<String> eligibleParts = new HashSet<>();
        parts.stream().filter(p -> p.outcome() == Outcome.ELIGIBLE).forEach(p -> eligibleParts.add(p.part()));
        List<Benefit> benefits = decision.benefits().stream().filter(b -> eligibleParts.contains(b.part())).toList();
        Set<String> missing = new LinkedHashSet<>(decision.missingFacts());
        criteria.stream().filter(c -> c.status() == Status.UNKNOWN).forEach(c -> missing.addAll(c.missingFacts()));
        return new Decision(decision.policyId(), decision.title(), outcome, decision.certifiedTier(), parts, benefits,
                criteria, outcome == Outcome.NEEDS_INFO ? List.copyOf(missing) : List.of(), decision.derivedFacts());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
