package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.PartOutcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.facts.HasMissingFacts;
import cn.talentpolicy.facts.Subject;
import cn.talentpolicy.facts.PersonFact;
import org.drools.core.rule.consequence.KnowledgeHelper;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a criterion rule's consequence calls: {@code Verdicts.criterion(drools);}. Everything the result says
 * comes from the rule's metadata (criterion, status, reason code, source, message templates filled from the
 * rule's bound variables); the person is the one every matched fact belongs to.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * What a session's consequences need besides the match, kept in the session's environment by
     * {@link Ruleset}: every rule's metadata, read once when the ruleset is loaded, and whether criteria are
     * worded (a bulk run that reports outcomes only leaves the sentences out).
     */
    record Firing(Map<Rule, RuleMetadata> rules, boolean sentences) {

        static final String KEY = "talentpolicy.firing";

        static Firing of(RuleContext drools) {
            if (drools.getKieRuntime().getEnvironment().get(KEY) instanceof Firing firing) {
                return firing;
            }
            throw new IllegalStateException("a rule session made outside Ruleset: it says nothing of how to word");
        }

        RuleMetadata metadata(Rule rule) {
            return rules.get(rule);
        }
    }

    public static void criterion(RuleContext drools) {
        Firing firing = Firing.of(drools);
        RuleMetadata meta = firing.metadata(drools.getRule());
        Match match = drools.getMatch();
        List<?> objects = match.getObjects(); // walks the match: read once
        String personId = personOf(match, objects);
        Status status = Status.valueOf(meta.status());
        List<String> missing = List.of();
        if (status == Status.UNKNOWN) {
            Set<String> facts = new LinkedHashSet<>(meta.missingFacts());
            for (Object o : objects) {
                if (o instanceof HasMissingFacts undecided) {
                    facts.addAll(undecided.missingFacts());
                }
            }
            missing = List.copyOf(facts);
        }
        ((KnowledgeHelper) drools).insert(new CriterionResult(personId, meta.policyId(), meta.part(),
                meta.criterion(), status, meta.reasonCode(),
                firing.sentences() ? Templates.render(meta.message(), declarations(match)) : null,
                meta.source(), missing, meta.name(), basis(objects)));
    }

    /**
     * The person's facts a rule's match rests on: input facts, derived facts, other policies' outcomes and
     * criterion results (a certified tier rests on its tier's criterion); not the ruleset's own facts, the bare
     * {@link Subject}, or part outcomes, which are bookkeeping.
     */
    static List<Object> basis(List<?> objects) {
        List<Object> basis = new java.util.ArrayList<>(objects.size());
        for (Object o : objects) {
            if (o instanceof PersonFact && !(o instanceof Subject) && !(o instanceof PartOutcome)) {
                basis.add(o);
            }
        }
        return basis;
    }

    static java.util.function.Function<String, Object> declarations(Match match) {
        List<String> ids = match.getDeclarationIds();
        return name -> ids.contains(name) ? match.getDeclarationValue(name) : null;
    }

    /** The one person every matched person fact belongs to; a rule that mixes two people is a join bug. */
    static String personOf(Match match, List<?> objects) {
        String found = null;
        for (Object o : objects) {
            String id = personIdOf(o);
            if (id == null) {
                continue;
            }
            if (found == null) {
                found = id;
            } else if (!found.equals(id)) {
                throw new IllegalStateException("Rule '" + match.getRule().getName()
                        + "' matched facts of two people (" + found + ", " + id + "): join every pattern on personId");
            }
        }
        if (found == null) {
            throw new IllegalStateException("Rule '" + match.getRule().getName() + "' matched no person's fact");
        }
        return found;
    }

    static String personIdOf(Object fact) {
        if (fact instanceof PersonFact p) {
            return p.personId();
        }
        Object id = Templates.accessors(fact.getClass()).containsKey("personId")
                ? Templates.property(fact, "personId") : null;
        return id == null ? null : id.toString();
    }
}
