package cn.talentpolicy.certification;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.decisions.Text;
import cn.talentpolicy.decisions.TraceStep;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
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

    /**
     * What was asked: whose records, at which date, for which policies, by the bureau of which region (null for
     * none). The region is part of the certification's id, so two bureaus certifying the same records make two
     * certifications, each seen under its own region.
     */
    public record Request(String personId, LocalDate asOf, List<GovernmentRecord> records, List<String> policies,
                          String region) {
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
        return certify(rulesets.current(), request);
    }

    /** The same, on a ruleset the caller holds (to record the decision with the ruleset it was made under). */
    public Certification certify(Ruleset ruleset, Request request) {
        LocalDate asOf = request.asOf() == null ? LocalDate.now(clock) : request.asOf();
        List<FieldProblem> recordProblems = recordProblems(request.records(), asOf);
        if (!recordProblems.isEmpty()) {
            throw new InvalidRequestException(recordProblems);
        }
        checkPolicies(ruleset, request.policies());
        // what the registries prove (no declarations, facts in doubt unknown or none) ...
        List<GovernmentRecord> registry = request.records().stream().filter(r -> !r.isSelfDeclared()).toList();
        Run proven = run(ruleset, request.personId(), asOf, registry, false);
        // ... and everything the evidence could support (declarations, stale records, the widening reading of
        // a conflict): a criterion that comes out differently rests on evidence in doubt
        Run possible;
        try {
            possible = run(ruleset, request.personId(), asOf, request.records(), true);
        } catch (InvalidRequestException e) {
            possible = proven; // what only stale or declared records say cannot be read: nothing more is possible
        }

        List<EvidenceIssue> allIssues = new ArrayList<>(proven.assembled().issues());
        allIssues.addAll(possible.assembled().issues());
        Set<String> wanted = request.policies() == null || request.policies().isEmpty() ? null
                : Set.copyOf(request.policies());
        List<Certification.CertifiedDecision> decisions = new ArrayList<>();
        for (int i = 0; i < proven.evaluation().decisions().size(); i++) {
            Decision p = proven.evaluation().decisions().get(i);
            Decision q = possible.evaluation().decisions().get(i);
            if (wanted == null || wanted.contains(p.policyId())) {
                PolicyDefinition policy = ruleset.policy(p.policyId());
                // the declarations this policy accepts for the criteria they would decide: a reading with them
                Set<RecordRef> accepted = new LinkedHashSet<>();
                for (int c = 0; c < p.criteria().size(); c++) {
                    if (policy.acceptsSelfDeclared().contains(p.criteria().get(c).criterion())
                            && p.criteria().get(c).status() != q.criteria().get(c).status()) {
                        Set<RecordRef> doubtful = doubtfulRecords(p.criteria().get(c), q.criteria().get(c), proven, possible);
                        if (!doubtful.isEmpty() && doubtful.stream().allMatch(RecordRef::selfDeclared)) {
                            accepted.addAll(doubtful);
                        }
                    }
                }
                Run base = proven;
                if (!accepted.isEmpty()) {
                    List<GovernmentRecord> withAccepted = new ArrayList<>(registry);
                    request.records().stream().filter(r -> accepted.contains(RecordRef.of(r))).forEach(withAccepted::add);
                    base = run(ruleset, request.personId(), asOf, withAccepted, false);
                }
                decisions.add(certified(policy, base.evaluation().decisions().get(i), base, p, proven, q, possible,
                        allIssues));
            }
        }
        // the tier the records prove: a tier resting on doubtful evidence is listed as unchecked, not certified
        String tier = proven.evaluation().decisions().stream().filter(d -> d.policyId().equals("jinan_talent_tier"))
                .map(Decision::certifiedTier).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String digest = digest(request.personId(), request.records());
        String id = "cert-" + sha256(digest + "|" + ruleset.version() + "|" + asOf + "|"
                + (request.policies() == null ? "" : String.join(",", request.policies()))
                + (request.region() == null ? "" : "|" + request.region())).substring(0, 20);
        List<TraceStep> trace = proven.evaluation().trace().stream()
                .filter(t -> wanted == null || wanted.contains(t.policyId()) || ruleset.policy(t.policyId()) == null
                        || ruleset.policy(t.policyId()).kind() != PolicyDefinition.Kind.DECISION)
                .toList();
        return new Certification(id, request.personId(), asOf, ruleset.version(), digest, tier, decisions,
                List.copyOf(new LinkedHashSet<>(allIssues)), trace);
    }

    private static void checkPolicies(Ruleset ruleset, List<String> policies) {
        List<FieldProblem> problems = new ArrayList<>();
        EvaluationService.policyFilter(ruleset, policies, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /** One evaluation of the person as a set of records reads. */
    private record Run(AssembledPerson assembled, Evaluation evaluation, Map<Object, List<RecordRef>> provenance) {
    }

    private Run run(Ruleset ruleset, String personId, LocalDate asOf, List<GovernmentRecord> records,
                    boolean optimistic) {
        AssembledPerson assembled = assembler.assemble(personId, asOf, records, optimistic);
        PersonFacts facts = FactsMapper.INSTANCE.toFacts(assembled.person());
        Evaluation evaluation;
        try {
            evaluation = evaluations.evaluate(ruleset, facts, asOf, null, true);
        } catch (InvalidRequestException e) {
            // the records, not a person, were sent: say which facts of theirs are wrong
            throw new InvalidRequestException(e.problems().stream().map(p -> new FieldProblem("records",
                    "the records give " + p.field().replaceFirst("^person\\.", "") + ": " + p.message())).toList());
        }
        return new Run(assembled, evaluation, provenance(facts, assembled.sources()));
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

    /**
     * What is wrong with a set of records as such: a record given twice, evidence retrieved after the as-of date,
     * a CSCSE certification of no education record.
     */
    public static List<FieldProblem> recordProblems(List<GovernmentRecord> records, LocalDate asOf) {
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
            if (r.retrievedOn().isAfter(asOf)) {
                problems.add(new FieldProblem("records[" + i + "].retrievedOn", "retrieved on " + r.retrievedOn()
                        + ", after the date certified at (" + asOf + "): evidence must be at hand by then"));
            }
            if (r instanceof GovernmentRecord.Cscse c && !education.contains(c.degreeRecordId())) {
                problems.add(new FieldProblem("records[" + i + "].degreeRecordId",
                        "no EDUCATION_REGISTRY record has the id " + c.degreeRecordId()));
            }
        }
        return problems;
    }

    /** Where the provenance of the person's education is kept whatever copy of it the rules saw. */
    private static final Object EDUCATION = new Object();

    /** Which records gave each input fact the rules see (by identity: the rules return the same objects). */
    private static Map<Object, List<RecordRef>> provenance(PersonFacts facts, Map<String, List<RecordRef>> sources) {
        Map<Object, List<RecordRef>> provenance = new IdentityHashMap<>();
        provenance.put(facts.person(), sources.getOrDefault("person", List.of()));
        provenance.put(facts.education(), sources.getOrDefault("education", List.of()));
        provenance.put(EDUCATION, sources.getOrDefault("education", List.of()));
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

    /**
     * The decision on what is proven (with the declarations the policy accepts), with each criterion's evidence.
     * A criterion that the possible evidence would judge otherwise, or that only an unaccepted declaration
     * decides, rests on evidence in doubt: it is UNKNOWN (for tiers: listed as unchecked, not blocking the
     * proven tier) with the evidence named, and the decision is made again from the criteria.
     */
    private Certification.CertifiedDecision certified(PolicyDefinition policy, Decision base, Run baseRun,
                                                      Decision proven, Run provenRun, Decision possible,
                                                      Run possibleRun, List<EvidenceIssue> allIssues) {
        List<CriterionResult> criteria = new ArrayList<>();
        List<Certification.CriterionEvidence> evidence = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < base.criteria().size(); i++) {
            CriterionResult result = base.criteria().get(i);
            CriterionResult other = possible.criteria().get(i);
            boolean accepts = policy.acceptsSelfDeclared().contains(result.criterion());
            boolean inDoubt = result.status() != other.status()
                    || (!accepts && result.status() != proven.criteria().get(i).status());
            Set<RecordRef> records = recordsOf(result, baseRun);
            List<EvidenceIssue> own = new ArrayList<>();
            if (result.status() == Status.UNKNOWN) {
                for (EvidenceIssue issue : baseRun.assembled().issues()) {
                    if (result.missingFacts().stream().anyMatch(m -> m.equals(issue.field()) || issue.field().startsWith(m + "."))) {
                        own.add(issue);
                    }
                }
            }
            if (inDoubt) {
                Set<RecordRef> doubtful = doubtfulRecords(proven.criteria().get(i), other, provenRun, possibleRun);
                doubtful.addAll(doubtfulRecords(proven.criteria().get(i), result, provenRun, baseRun));
                // the issues (of any reading) on any record the criterion rests on under any reading
                Set<String> involved = new LinkedHashSet<>();
                recordsOf(proven.criteria().get(i), provenRun).forEach(r -> involved.add(r.toString()));
                recordsOf(other, possibleRun).forEach(r -> involved.add(r.toString()));
                records.forEach(r -> involved.add(r.toString()));
                List<EvidenceIssue> issues = new ArrayList<>(provenRun.assembled().issues());
                issues.addAll(possibleRun.assembled().issues());
                for (EvidenceIssue issue : issues) {
                    if (issue.records().stream().anyMatch(involved::contains)) {
                        own.add(issue);
                    }
                }
                List<RecordRef> declared = doubtful.stream().filter(RecordRef::selfDeclared)
                        .filter(r -> !accepts).toList();
                if (!declared.isEmpty()) {
                    EvidenceIssue issue = new EvidenceIssue(result.criterion(), EvidenceIssue.Kind.SELF_DECLARED,
                            declared.stream().map(RecordRef::toString).toList(), "the criterion would be "
                            + other.status() + " on a record the person declared; " + policy.id()
                            + " needs a registry record for it");
                    own.add(issue);
                    allIssues.add(issue);
                }
                records.addAll(doubtful);
                changed = true;
                if (result.status() == Status.UNKNOWN) {
                    criteria.add(result); // already unknown: keep its own reason, add the evidence in doubt
                    evidence.add(new Certification.CriterionEvidence(List.copyOf(records),
                            List.copyOf(new LinkedHashSet<>(own))));
                    continue;
                }
                result = new CriterionResult(result.personId(), result.policyId(), result.part(), result.criterion(),
                        Status.UNKNOWN, "EVIDENCE_IN_DOUBT", new Text(
                        "依据存疑的记录（过期、相互矛盾或本人申报）将" + (other.status() == Status.PASS ? "符合"
                                : other.status() == Status.FAIL ? "不符合" : "无法判断") + "，需以有效的登记记录确认："
                                + other.message().zh(),
                        "would be " + other.status() + " on evidence in doubt (stale, conflicting or self-declared); "
                                + "a current registry record would settle it: " + other.message().en()),
                        result.source(), doubtful.stream().map(r -> "records:" + r.source()).distinct().toList(),
                        result.rule(), result.basis());
            }
            criteria.add(result);
            evidence.add(new Certification.CriterionEvidence(List.copyOf(records), List.copyOf(
                    new LinkedHashSet<>(own))));
        }
        Decision decision = changed ? redecided(base, policy, criteria) : base;
        return new Certification.CertifiedDecision(decision, evidence);
    }

    private static Set<RecordRef> recordsOf(CriterionResult result, Run run) {
        Set<RecordRef> records = new LinkedHashSet<>();
        for (Object fact : result.basis()) {
            List<RecordRef> refs = run.provenance().get(fact);
            if (refs == null && fact instanceof cn.talentpolicy.facts.Education) {
                // the engine read an omitted degree flag both ways (engine/Readings) on a copy of the education
                refs = run.provenance().get(EDUCATION);
            }
            records.addAll(refs == null ? List.of() : refs);
        }
        return records;
    }

    /** The records the possible reading used for a criterion that the proven reading did not. */
    private static Set<RecordRef> doubtfulRecords(CriterionResult proven, CriterionResult possible, Run provenRun,
                                                  Run possibleRun) {
        Set<RecordRef> doubtful = recordsOf(possible, possibleRun);
        doubtful.removeAll(recordsOf(proven, provenRun));
        return doubtful;
    }

    /**
     * The decision again after criteria in doubt became UNKNOWN: each part is combined as the policy says, and
     * benefits remain only for parts still ELIGIBLE (a part cannot become ELIGIBLE here: a criterion only ever
     * turns UNKNOWN).
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
