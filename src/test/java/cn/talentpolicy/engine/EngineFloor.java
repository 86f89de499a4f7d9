package cn.talentpolicy.engine;

import cn.talentpolicy.facts.PersonFacts;

import java.time.LocalDate;
import java.util.List;

/** The benchmarks' way in to {@link Ruleset#matchOnly}: what the engine costs with no rule fired. */
public final class EngineFloor {

    private EngineFloor() {
    }

    /** Inserts the people and matches their facts against the rules as an evaluation begins, firing none. */
    public static int matchOnly(Ruleset ruleset, List<PersonFacts> people, LocalDate asOf) {
        return ruleset.matchOnly(people, asOf);
    }
}
