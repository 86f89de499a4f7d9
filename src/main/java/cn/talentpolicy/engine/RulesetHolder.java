package cn.talentpolicy.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The ruleset the service answers with. Each evaluation reads it once and runs wholly on that ruleset, so a
 * replacement never affects a request in flight; the replaced ruleset is closed by its replacer.
 */
public final class RulesetHolder {

    private final AtomicReference<Ruleset> current;

    public RulesetHolder(Ruleset initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Ruleset current() {
        return current.get();
    }

    /** Puts {@code next} in service and returns the ruleset it replaced. */
    public Ruleset replace(Ruleset next) {
        return current.getAndSet(next);
    }
}
