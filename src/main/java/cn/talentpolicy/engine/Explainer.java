package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.PolicyOutcome;
import cn.talentpolicy.decisions.Text;
import cn.talentpolicy.decisions.TraceStep;
import cn.talentpolicy.facts.DerivedFact;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Listens to one session: records each rule firing as a trace step, and for every fact a rule inserts, which
 * rule inserted it and which derived facts and decisions that rule's match rested on. Decisions are explained
 * from this record, never from strings repeated in Java.
 */
final class Explainer extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** Why a fact exists: the rule that inserted it, what its match rested on, and its rendered sentence. */
    record Origin(RuleMetadata rule, List<Object> basis, Text message) {
    }

    private final Map<Object, Origin> origins = new IdentityHashMap<>();
    private final List<TraceStep> trace = new ArrayList<>();
    private final Verdicts.Firing firing;
    private Match current;

    Explainer(Verdicts.Firing firing) {
        this.firing = firing;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Match match = event.getMatch();
        RuleMetadata meta = firing.metadata(match.getRule());
        trace.add(new TraceStep(trace.size() + 1, meta.name(), meta.policyId(), meta.criterion(), meta.status(),
                meta.reasonCode(), meta.source(), Verdicts.personOf(match, match.getObjects())));
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current == null) {
            return;
        }
        Object fact = event.getObject();
        RuleMetadata meta = firing.metadata(current.getRule());
        List<Object> basis = Verdicts.basis(current.getObjects());
        Function<String, Object> declarations = Verdicts.declarations(current);
        Text message = fact instanceof DerivedFact || fact instanceof PolicyOutcome
                ? Templates.render(meta.message(), name -> "fact".equals(name) ? fact : declarations.apply(name))
                : null;
        origins.put(fact, new Origin(meta, basis, message));
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // facts are immutable records: rules insert, they never modify
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // rules never retract
    }

    Origin originOf(Object fact) {
        return origins.get(fact);
    }

    List<TraceStep> trace() {
        return trace;
    }
}
