package cn.talentpolicy.sweeps;

import java.util.List;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast generator whose output is fixed by its seed forever,
 * on every JVM, so a population file can be made again byte for byte. Each generated person draws from a
 * generator of their own (seeded by the file's seed and their number), so people can be made in any order, on
 * any thread, and the file is still the same.
 */
final class SplitMix {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    /** A generator for one stream (a person, or the choice of a bad entry) within a file's seed. */
    static SplitMix of(long seed, long stream, long salt) {
        return new SplitMix(mix(seed ^ mix(stream * GOLDEN_GAMMA + salt)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [low, high], both included. */
    int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** An index drawn with the given weights (they need not sum to 1). */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An exponentially distributed number of days with the given mean. */
    long exponentialDays(double meanDays) {
        return (long) (-Math.log(1 - nextDouble()) * meanDays);
    }
}
