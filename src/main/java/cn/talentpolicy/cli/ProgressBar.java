package cn.talentpolicy.cli;

import cn.talentpolicy.sweeps.Sweep;

/**
 * Progress on stderr: on a terminal a bar redrawn in place (done/total, rate, time left); otherwise (a log, a
 * pipe, a Kubernetes pod) a plain line every ten seconds. The rate is of this run (a resumed sweep's earlier
 * entries are not counted in it), and the time left is not guessed in the first seconds, while the rules are
 * still being compiled into faster code.
 */
final class ProgressBar implements Sweep.Progress {

    private static final long LINE_EVERY_NANOS = 10_000_000_000L;
    private static final long REDRAW_EVERY_NANOS = 200_000_000L;
    private static final long GUESS_AFTER_NANOS = 5_000_000_000L;

    private final long total;
    private final boolean terminal;
    private boolean started;
    private long before;
    private long done;
    private long elapsed;
    private long lastShown = -LINE_EVERY_NANOS;
    private int lastDrawn; // the bar's length last drawn: a shorter one must blank what is left of it

    ProgressBar(long total, boolean terminal) {
        this.total = total;
        this.terminal = terminal;
    }

    @Override
    public void resumedAt(long done) {
        this.started = true;
        this.before = done;
        this.done = done;
    }

    @Override
    public void update(long done, long elapsedNanos) {
        this.done = done;
        this.elapsed = elapsedNanos;
        if (elapsedNanos - lastShown >= (terminal ? REDRAW_EVERY_NANOS : LINE_EVERY_NANOS)) {
            lastShown = elapsedNanos;
            System.err.print(terminal ? redrawn() : line() + "\n");
        }
    }

    /** The last state, drawn once more, on its own line. */
    void end() {
        if (terminal && done > before) {
            System.err.print(redrawn() + "\n");
        } else if (done > before && lastShown != elapsed) { // not the line just printed again
            System.err.print(line() + "\n");
        }
    }

    /** Whether the sweep began at all (resuming a finished one does not). */
    boolean started() {
        return started;
    }

    /** Entries done before this run (a resumed sweep's). */
    long before() {
        return before;
    }

    /** Entries done in this run. */
    long swept() {
        return done - before;
    }

    double seconds() {
        return elapsed / 1e9;
    }

    double rate() {
        return swept() / Math.max(seconds(), 1e-9);
    }

    private String redrawn() {
        String bar = bar();
        String blank = " ".repeat(Math.max(0, lastDrawn - bar.length()));
        lastDrawn = bar.length();
        return "\r" + bar + blank;
    }

    /** On a terminal: {@code [#########.....] 16,300/30,000  54%  1,315/s  0m10s left}. */
    String bar() {
        int filled = (int) Math.round(share() * 30);
        return String.format("[%s%s] %,d/%,d %3.0f%%  %,.0f/s  %s", "#".repeat(filled), ".".repeat(30 - filled),
                done, total, share() * 100, rate(), left());
    }

    /** In a log: {@code 16,300 of 30,000 entries (54%), 1,315 a second, 0m10s left}. */
    String line() {
        return String.format("%,d of %,d entries (%.0f%%), %,.0f a second, %s", done, total, share() * 100,
                rate(), left());
    }

    private double share() {
        return total == 0 ? 1 : Math.min(1, (double) done / total);
    }

    private String left() {
        if (done >= total) {
            return "done";
        }
        return elapsed < GUESS_AFTER_NANOS || rate() <= 0 ? "time left not yet known"
                : duration((total - done) / rate()) + " left";
    }

    private static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
