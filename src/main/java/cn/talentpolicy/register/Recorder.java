package cn.talentpolicy.register;

import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.input.CanonicalJson;
import cn.talentpolicy.storage.DataDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a decision the service is about to hand out into a record and records it: the ruleset it was made under
 * is kept first (so every record can be replayed on its rules), then the record is appended, and only then may
 * the caller answer.
 */
@Service
public class Recorder {

    private final DecisionRegister register;
    private final RulesetArchives rulesets;
    private final DataDirectory data;

    public Recorder(DecisionRegister register, RulesetArchives rulesets, DataDirectory data) {
        this.register = register;
        this.rulesets = rulesets;
        this.data = data;
    }

    /** A decision about to be made, with all that it is recorded with. */
    public record Made(RecordKind kind, Maker maker, String source, String personId, LocalDate asOf,
                       Ruleset ruleset, JsonNode input, List<Decision> decisions, RecordedDecision corrects) {
    }

    /** What was recorded: the id the answer carries, and what a correction changes in the amounts owed. */
    public record Recorded(String decisionId, Owed owed) {
    }

    /**
     * Records a decision.
     *
     * @param answer the answer as it will be given (with what a correction changes in the amounts owed), written
     *               only where the register keeps answers of this kind
     */
    public Recorded record(Made made, String id, Function<Owed, String> answer) {
        NewDecision decision = decision(made, id, answer);
        // what the record keeps of personal data counts against the data directory's cap (the embedded database
        // lives there): past it, a 507 and nothing recorded or answered
        data.reserve(length(decision.input()) + length(decision.answer()) + decision.outcomes().length());
        rulesets.keep(made.ruleset());
        register.record(decision);
        return new Recorded(decision.id(), Owed.read(decision.owed()));
    }

    /** The record of a decision, not yet recorded (with a new id when {@code id} is null). */
    public NewDecision decision(Made made, String id, Function<Owed, String> answer) {
        String input = CanonicalJson.of(made.input());
        List<Outcomes> outcomes = Outcomes.of(made.decisions());
        Owed owed = made.corrects() == null ? null : Owed.between(made.corrects().decision().id(),
                Outcomes.read(made.corrects().decision().outcomes()), outcomes);
        RegisterProperties keep = register.properties();
        String answerText = keep.keepsAnswer(made.kind()) ? answer.apply(owed) : null;
        return new NewDecision(id != null ? id : DecisionRegister.newId(), made.kind(), register.now(),
                made.maker(), made.personId(), made.asOf(), made.ruleset().version(), CanonicalJson.digest(input),
                Outcomes.write(outcomes), made.source(), made.corrects() == null ? null : made.corrects().decision().id(),
                owed == null ? null : owed.write(), answerText == null ? null : CanonicalJson.digest(answerText),
                keep.keepsInput(made.kind()) ? input : null, answerText);
    }

    /** Keeps a ruleset in the register before decisions are made under it elsewhere (a sweep). */
    public void keep(Ruleset ruleset) {
        rulesets.keep(ruleset);
    }

    /** Records decisions made elsewhere (a sweep's claims), in order; their ruleset was {@link #keep kept}. */
    public void recordAll(List<NewDecision> decisions) {
        register.recordAll(decisions);
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    public DecisionRegister register() {
        return register;
    }
}
