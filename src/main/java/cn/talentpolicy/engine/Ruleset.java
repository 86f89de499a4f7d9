package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.DerivedFactView;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.PartOutcome;
import cn.talentpolicy.decisions.PolicyOutcome;
import cn.talentpolicy.decisions.TraceStep;
import cn.talentpolicy.engine.PolicyDefinition.CriterionDefinition;
import cn.talentpolicy.engine.PolicyDefinition.PartDefinition;
import cn.talentpolicy.facts.AsOf;
import cn.talentpolicy.facts.DerivedFact;
import cn.talentpolicy.facts.PersonFact;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.facts.TalentTier;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.Environment;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A loaded, compiled ruleset: its version (content hash of the rules folder), its policies and parameters,
 * and the shared KieBase. {@link #evaluate} runs people through it in one session, emptied before it is used
 * again; nothing is kept between calls.
 */
public final class Ruleset implements AutoCloseable {

    /** How much an evaluation says besides each decision's outcome, amounts and missing facts. */
    public enum Detail {
        /**
         * Each criterion's status and reason code, without its sentence (a sweep's first pass over everyone:
         * sentences are rendered only for the few whose claims are written).
         */
        OUTCOMES,
        /** And each criterion's sentence, in Chinese and English. */
        REASONS,
        /** And the trace of the rules that fired and the derived facts each decision rests on. */
        EXPLAINED
    }

    /** Firing more rules than this per person means a rule loops: the evaluation is stopped. */
    static final int MAX_FIRINGS_PER_PERSON = 10_000;

    /** The facts a decision is made of; an explained one also shows the derived facts it rests on. */
    private static final List<Class<?>> DECIDING = List.of(CriterionResult.class, PartOutcome.class,
            PolicyOutcome.class, Benefit.class, TalentTier.class);

    private final String version;
    private final Map<String, PolicyDefinition> policies;
    private final Parameters parameters;
    private final KieBase kieBase;
    private final KieContainer container;
    private final java.util.SortedMap<String, byte[]> sources;
    private final List<Object> rulesetFacts = new ArrayList<>();
    private final List<Layout> layouts = new ArrayList<>(); // the decision policies, sorted by id
    private final Verdicts.Firing worded;
    private final Verdicts.Firing quiet;
    private final Map<Detail, KieSessionsPool> pools = new EnumMap<>(Detail.class);

    Ruleset(String version, Map<String, PolicyDefinition> policies, Parameters parameters, KieBase kieBase,
            KieContainer container, java.util.SortedMap<String, byte[]> sources) {
        this.version = version;
        this.sources = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sources));
        this.policies = Map.copyOf(policies);
        this.parameters = parameters;
        this.kieBase = kieBase;
        this.container = container;
        Map<Rule, RuleMetadata> rules = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.put(rule, RuleMetadata.of(rule));
            }
        }
        this.worded = new Verdicts.Firing(Map.copyOf(rules), true);
        this.quiet = new Verdicts.Firing(worded.rules(), false);
        for (PolicyDefinition policy : sortedPolicies()) {
            if (policy.kind() != PolicyDefinition.Kind.DECISION) {
                continue;
            }
            rulesetFacts.add(new PolicyToDecide(policy.id(), policy.parts().size(),
                    policy.parts().stream().map(PartDefinition::id).toList()));
            for (PartDefinition part : policy.parts()) {
                rulesetFacts.add(new PartToDecide(policy.id(), part.id(), part.criteria().size(),
                        policy.combine() == PolicyDefinition.Combine.ANY,
                        part.criteria().stream().map(CriterionDefinition::id).toList()));
            }
            layouts.add(new Layout(policy));
        }
        for (Detail detail : List.of(Detail.OUTCOMES, Detail.REASONS)) {
            KieSessionsPool pool = kieBase.newKieSessionsPool(1);
            KieSession first = pool.newKieSession(); // the pool's sessions share its environment: say it once
            first.getEnvironment().set(Verdicts.Firing.KEY, detail == Detail.OUTCOMES ? quiet : worded);
            first.dispose();
            pools.put(detail, pool);
        }
    }

    /**
     * A decision policy's criteria numbered in the order its decision lists them (by part, then as the rules
     * list them), worked out once at load so that sorting a person's results is a lookup, not a search.
     */
    private static final class Layout {
        final PolicyDefinition policy;
        final Map<String, Map<String, Integer>> slots = new HashMap<>(); // part -> criterion -> position
        final Map<String, Integer> partOrder = new HashMap<>();
        int size;

        Layout(PolicyDefinition policy) {
            this.policy = policy;
            for (PartDefinition part : policy.parts()) {
                partOrder.put(part.id(), partOrder.size());
                Map<String, Integer> criteria = slots.computeIfAbsent(part.id(), p -> new HashMap<>());
                for (CriterionDefinition c : part.criteria()) {
                    criteria.put(c.id(), size++);
                }
            }
        }

        /** The results in the decision's order, or null unless each criterion was judged exactly once. */
        CriterionResult[] ordered(List<CriterionResult> results) {
            if (results.size() != size) {
                return null;
            }
            CriterionResult[] ordered = new CriterionResult[size];
            for (CriterionResult r : results) {
                Map<String, Integer> criteria = slots.get(r.part());
                Integer at = criteria == null ? null : criteria.get(r.criterion());
                if (at == null || ordered[at] != null) {
                    return null;
                }
                ordered[at] = r;
            }
            return ordered; // as many results as slots, none twice: every slot is filled
        }
    }

    public String version() {
        return version;
    }

    /**
     * Every file of the rules folder as it was read to compile this ruleset, by its path in the folder (the
     * version is their hash): what the decision register keeps, so a decision can be replayed on its rules.
     * The arrays are the ruleset's own; read them, do not change them.
     */
    public java.util.SortedMap<String, byte[]> sources() {
        return sources;
    }

    /** Every loaded policy, decisions and derived ones, by id. */
    public List<PolicyDefinition> sortedPolicies() {
        return policies.values().stream().sorted(Comparator.comparing(PolicyDefinition::id)).toList();
    }

    public PolicyDefinition policy(String id) {
        return policies.get(id);
    }

    public Parameters parameters() {
        return parameters;
    }

    /**
     * Evaluates people at an as-of date, in one session (and one more for each further reading of an omitted degree
     * flag, {@link Readings}, that some of them need). Every decision policy is evaluated (policies read
     * each other's outcomes); {@code answer} chooses which decisions are reported.
     *
     * @param detail how much is said besides outcomes and amounts (see {@link Detail})
     */
    public List<Evaluation> evaluate(List<PersonFacts> people, LocalDate asOf, Predicate<String> answer,
                                     Detail detail) {
        // unknown only when it could matter: a degree whose counting flag is omitted is read both ways
        // (Readings), everyone's first reading in one session, then each further reading of those who have it
        List<List<Readings.Point>> points = new ArrayList<>(people.size());
        int most = 0;
        for (PersonFacts person : people) {
            List<Readings.Point> mine = Readings.points(person, asOf);
            points.add(mine);
            most = Math.max(most, mine.size());
        }
        if (most == 0) {
            return evaluateOnce(people, asOf, answer, detail);
        }
        List<PersonFacts> first = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            first.add(points.get(i).isEmpty() ? people.get(i) : Readings.reading(people.get(i), points.get(i), 0));
        }
        List<Evaluation> evaluations = new ArrayList<>(evaluateOnce(first, asOf, answer, detail));
        Map<Integer, List<Evaluation>> readings = new HashMap<>();
        for (int i = 0; i < people.size(); i++) {
            if (!points.get(i).isEmpty()) {
                readings.computeIfAbsent(i, k -> new ArrayList<>()).add(evaluations.get(i));
            }
        }
        for (int n = 1; n < 1 << most; n++) {
            List<Integer> who = new ArrayList<>();
            List<PersonFacts> facts = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                if (n < 1 << points.get(i).size()) {
                    who.add(i);
                    facts.add(Readings.reading(people.get(i), points.get(i), n));
                }
            }
            List<Evaluation> more = evaluateOnce(facts, asOf, answer, detail);
            for (int k = 0; k < who.size(); k++) {
                readings.get(who.get(k)).add(more.get(k));
            }
        }
        readings.forEach((i, each) -> evaluations.set(i, Readings.merge(points.get(i), each)));
        return evaluations;
    }

    private List<Evaluation> evaluateOnce(List<PersonFacts> people, LocalDate asOf, Predicate<String> answer,
                                          Detail detail) {
        boolean explain = detail == Detail.EXPLAINED;
        Set<String> ids = new HashSet<>();
        for (PersonFacts person : people) {
            if (!ids.add(person.personId())) {
                throw new IllegalArgumentException("Person id " + person.personId() + " appears twice");
            }
        }
        KieSession session = session(detail);
        Explainer explainer = explain ? new Explainer(worded) : null;
        try {
            if (explainer != null) {
                session.addEventListener((org.kie.api.event.rule.AgendaEventListener) explainer);
                session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) explainer);
            }
            insert(session, people, asOf);
            int limit = MAX_FIRINGS_PER_PERSON * Math.max(1, people.size());
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new IllegalStateException("Rules fired " + fired + " times without settling: a rule loops");
            }
            Map<String, PersonResults> byPerson = new LinkedHashMap<>();
            people.forEach(p -> byPerson.put(p.personId(), new PersonResults()));
            for (Class<?> kind : explain ? List.<Class<?>>of(PersonFact.class) : DECIDING) {
                for (Object o : session.getObjects(new ClassObjectFilter(kind))) {
                    PersonResults results = o instanceof PersonFact fact ? byPerson.get(fact.personId()) : null;
                    if (results != null) {
                        results.add(o);
                    }
                }
            }
            List<Evaluation> evaluations = new ArrayList<>(people.size());
            for (PersonFacts person : people) {
                String id = person.personId();
                List<Decision> decisions = byPerson.get(id).decisions(id, answer, explainer);
                evaluations.add(new Evaluation(id, asOf, version, decisions,
                        explainer == null ? List.of() : trace(explainer, id, decisions)));
            }
            return evaluations;
        } finally {
            session.dispose();
        }
    }

    private void insert(KieSession session, List<PersonFacts> people, LocalDate asOf) {
        session.setGlobal("params", parameters);
        session.insert(new AsOf(asOf));
        rulesetFacts.forEach(session::insert);
        for (PersonFacts person : people) {
            person.all().forEach(session::insert);
        }
    }

    /**
     * What the engine costs below the rules' consequences, for the benchmark that shows it: the people inserted
     * into an untraced session as {@link #evaluate} inserts them and matched against the rules, but no rule fired,
     * so no derived fact, criterion result or decision is made and the rules that need one match nothing. A lower
     * bound on what evaluating them costs. Returns the number of firings: none.
     */
    int matchOnly(List<PersonFacts> people, LocalDate asOf) {
        KieSession session = session(Detail.OUTCOMES);
        try {
            insert(session, people, asOf);
            return session.fireAllRules(match -> false);
        } finally {
            session.dispose();
        }
    }

    /**
     * A session to evaluate in. Untraced evaluations take theirs from a pool, one for each level of detail (a
     * session's environment says how much its consequences word, and a pool shares one environment), and give it
     * back emptied when disposed: nothing is carried from one evaluation to the next, but the network's memories
     * are not built again each time. An explained evaluation listens to its session, so it has a session of its
     * own; so does one still running on a ruleset that a reload has retired and closed.
     */
    private KieSession session(Detail detail) {
        if (detail != Detail.EXPLAINED) {
            try {
                return pools.get(detail).newKieSession();
            } catch (IllegalStateException closed) {
                // the pool was shut down: this ruleset has been replaced, and is finishing what it had begun
            }
        }
        Environment environment = KieServices.get().newEnvironment();
        environment.set(Verdicts.Firing.KEY, detail == Detail.OUTCOMES ? quiet : worded);
        return kieBase.newKieSession(null, environment);
    }

    /**
     * The rules that fired for the person, in order: those of the decisions reported, of the policies they rest
     * on, and of the common and derived-fact rules (not those of policies filtered out of the answer).
     */
    private List<TraceStep> trace(Explainer explainer, String personId, List<Decision> decisions) {
        Set<String> relevant = new HashSet<>();
        for (Decision decision : decisions) {
            relevant.add(decision.policyId());
            decision.derivedFacts().forEach(f -> {
                relevant.add(f.policyId());
                if (f.values().get("policyId") instanceof String restsOn) {
                    relevant.add(restsOn);
                }
            });
        }
        List<TraceStep> steps = new ArrayList<>();
        for (TraceStep step : explainer.trace()) {
            PolicyDefinition policy = policies.get(step.policyId());
            boolean shared = policy == null || policy.kind() != PolicyDefinition.Kind.DECISION;
            if (personId.equals(step.personId()) && (shared || relevant.contains(step.policyId()))) {
                steps.add(new TraceStep(steps.size() + 1, step.rule(), step.policyId(), step.criterion(),
                        step.status(), step.reasonCode(), step.source(), step.personId()));
            }
        }
        return steps;
    }

    @Override
    public void close() {
        pools.values().forEach(KieSessionsPool::shutdown);
        container.dispose();
    }

    /** The facts one person ended the session with, sorted by kind. */
    private final class PersonResults {
        final Map<String, List<CriterionResult>> criteria = new HashMap<>(); // by policy
        final Map<String, PolicyOutcome> outcomes = new HashMap<>();
        final List<PartOutcome> partOutcomes = new ArrayList<>();
        final List<Benefit> benefits = new ArrayList<>();
        final List<TalentTier> tiers = new ArrayList<>();
        final List<DerivedFact> derived = new ArrayList<>();

        void add(Object o) {
            if (o instanceof CriterionResult r) {
                criteria.computeIfAbsent(r.policyId(), p -> new ArrayList<>()).add(r);
            } else if (o instanceof PolicyOutcome p) {
                outcomes.put(p.policyId(), p);
            } else if (o instanceof PartOutcome p) {
                partOutcomes.add(p);
            } else if (o instanceof Benefit b) {
                benefits.add(b);
            } else if (o instanceof TalentTier t) {
                tiers.add(t);
                derived.add(t);
            } else if (o instanceof DerivedFact d) {
                derived.add(d);
            }
        }

        List<Decision> decisions(String personId, Predicate<String> answer, Explainer explainer) {
            List<Decision> decisions = new ArrayList<>();
            for (Layout layout : layouts) {
                PolicyDefinition policy = layout.policy;
                PolicyOutcome outcome = outcomes.get(policy.id());
                List<CriterionResult> results = criteria.getOrDefault(policy.id(), List.of());
                // every policy, reported or not (others may rest on it): each criterion judged exactly once
                CriterionResult[] slots = layout.ordered(results);
                if (outcome == null || slots == null) {
                    throw new IllegalStateException(incomplete(personId, policy, results));
                }
                if (!answer.test(policy.id())) {
                    continue;
                }
                List<CriterionResult> ordered = new ArrayList<>(Arrays.asList(slots));
                List<Decision.PartView> parts = new ArrayList<>(policy.parts().size());
                for (PartDefinition part : policy.parts()) {
                    for (PartOutcome p : partOutcomes) {
                        if (p.policyId().equals(policy.id()) && p.part().equals(part.id())) {
                            parts.add(new Decision.PartView(part.id(), part.title(), p.outcome()));
                            break;
                        }
                    }
                }
                List<Benefit> paid = new ArrayList<>(1);
                for (Benefit b : benefits) {
                    if (b.policyId().equals(policy.id())) {
                        paid.add(b);
                    }
                }
                if (paid.size() > 1) {
                    paid.sort(Comparator.comparing((Benefit b) -> layout.partOrder.getOrDefault(b.part(), -1))
                            .thenComparing(b -> b.kind().name()));
                }
                String tier = certifiedTier(policy.id(), ordered);
                List<DerivedFactView> views = List.of();
                if (explainer != null) {
                    ordered.replaceAll(r -> r.withBasis(closure(r.basis(), explainer)));
                    views = restsOn(policy.id(), ordered, explainer);
                }
                decisions.add(new Decision(policy.id(), policy.title(), outcome.outcome(), tier, List.copyOf(parts),
                        List.copyOf(paid), List.copyOf(ordered), outcome.missingFacts(), views));
            }
            return decisions;
        }

        /** The tier this policy certified, or else the certified tier its criteria rest on. */
        private String certifiedTier(String policyId, List<CriterionResult> results) {
            boolean anyCertified = false;
            for (TalentTier tier : tiers) {
                if (tier.certifiedBy().equals(policyId) && tier.isCertified()) {
                    return tier.tier();
                }
                anyCertified |= tier.isCertified();
            }
            if (!anyCertified) {
                return null; // no criterion can rest on a certified tier the person does not have
            }
            for (CriterionResult r : results) {
                for (Object b : r.basis()) {
                    if (b instanceof TalentTier t && t.isCertified()) {
                        return t.tier();
                    }
                }
            }
            return null;
        }

        /** Everything a criterion rests on, followed back through the bases of the derived facts. */
        private List<Object> closure(List<Object> basis, Explainer explainer) {
            Map<Object, Boolean> seen = new IdentityHashMap<>();
            List<Object> pending = new ArrayList<>(basis);
            List<Object> all = new ArrayList<>();
            while (!pending.isEmpty()) {
                Object fact = pending.remove(0);
                if (seen.put(fact, Boolean.TRUE) == null) {
                    all.add(fact);
                    if (fact instanceof CriterionResult criterion) {
                        pending.addAll(criterion.basis()); // what that criterion was judged on
                        continue;
                    }
                    Explainer.Origin origin = explainer.originOf(fact);
                    if (origin != null) {
                        pending.addAll(origin.basis());
                    }
                }
            }
            return all;
        }

        /** The derived facts and decisions the criteria rest on, and those the policy's own rules derived. */
        private List<DerivedFactView> restsOn(String policyId, List<CriterionResult> results, Explainer explainer) {
            Map<Object, Boolean> seen = new IdentityHashMap<>();
            List<Object> facts = new ArrayList<>();
            results.forEach(r -> facts.addAll(r.basis()));
            for (DerivedFact d : derived) { // facts the policy's own rules derived (a certified tier)
                Explainer.Origin origin = explainer.originOf(d);
                if (origin != null && origin.rule().policyId().equals(policyId)) {
                    facts.addAll(closure(List.of(d), explainer));
                }
            }
            List<DerivedFactView> views = new ArrayList<>();
            for (Object fact : facts) {
                Explainer.Origin origin = explainer.originOf(fact);
                if (origin == null || !(fact instanceof DerivedFact || fact instanceof PolicyOutcome)
                        || seen.put(fact, Boolean.TRUE) != null) {
                    continue;
                }
                views.add(new DerivedFactView(fact.getClass().getSimpleName(), values(fact), origin.message(),
                        origin.rule().policyId(), origin.rule().name(), origin.rule().source()));
            }
            // the session's object store has no stable order: sort so that the same input gives the same answer
            views.sort(Comparator.comparing(DerivedFactView::policyId).thenComparing(DerivedFactView::type)
                    .thenComparing(v -> v.values().toString()));
            return views;
        }

        private Map<String, Object> values(Object fact) {
            Map<String, Object> values = new LinkedHashMap<>();
            Templates.accessors(fact.getClass()).forEach((name, accessor) -> {
                if (!name.equals("personId")) {
                    Object v = Templates.property(fact, name);
                    if (v != null && !(v instanceof Collection<?> c && c.isEmpty())) {
                        values.put(name, v instanceof Enum<?> e ? e.name() : v);
                    }
                }
            });
            return values;
        }

        private String incomplete(String personId, PolicyDefinition policy, List<CriterionResult> results) {
            List<String> problems = new ArrayList<>();
            for (PartDefinition part : policy.parts()) {
                for (CriterionDefinition c : part.criteria()) {
                    long n = results.stream()
                            .filter(r -> r.part().equals(part.id()) && r.criterion().equals(c.id())).count();
                    if (n != 1) {
                        problems.add(part.id() + "/" + c.id() + " judged " + n + " times");
                    }
                }
            }
            return "Policy " + policy.id() + " could not decide for person " + personId
                    + ": every criterion must be judged exactly once, but " + String.join("; ", problems);
        }
    }
}
