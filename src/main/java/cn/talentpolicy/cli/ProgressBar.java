package cn.talentpolicy.cli;

import cn.talentpolicy.sweeps.Sweep;

/**
 * Progress on stderr: on a terminal a bar redrawn in place (done/total, rate, time left); otherwise (a log, a
 * pipe, a Kubernetes pod) a plain line every ten seconds.
 */
final class ProgressBar implements Sweep.Progress {

    private static final long LINE_EVERY_NANOS = 10_000_000_000L;
    private static final long REDRAW_EVERY_NANOS = 200_000_000L;

    private final long total;
    private final boolean terminal;
    private long done;
    private long elapsed;
    private long lastShown = -LINE_EVERY_NANOS;

    ProgressBar(long total, boolean terminal) {
        this.total = total;
        this.terminal = terminal;
    }

    @Override
    public void update(long done, long elapsedNanos) {
        this.done = done;
        this.elapsed = elapsedNanos;
        if (elapsedNanos - lastShown >= (terminal ? REDRAW_EVERY_NANOS : LINE_EVERY_NANOS)) {
            lastShown = elapsedNanos;
            System.err.print(terminal ? "\r" + line() + "   " : line() + "\n");
        }
    }

    /** The last state, drawn once more, on its own line. */
    void end() {
        if (terminal && done > 0) {
            System.err.print("\r" + line() + "   \n");
        } else if (done > 0 && lastShown != elapsed) { // not the line just printed again
            System.err.print(line() + "\n");
        }
    }

    long done() {
        return done;
    }

    double seconds() {
        return elapsed / 1e9;
    }

    String line() {
        double rate = done / Math.max(seconds(), 1e-9);
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * 30);
        String left = rate > 0 ? duration((total - done) / rate) : "?";
        return String.format("[%s%s] %,d/%,d %3.0f%%  %,.0f/s  %s left", "#".repeat(filled), ".".repeat(30 - filled),
                done, total, share * 100, rate, left);
    }

    private static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
