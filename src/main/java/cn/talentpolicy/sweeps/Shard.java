package cn.talentpolicy.sweeps;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One of {@code count} shares of a population ({@code --shard 3/8}: index 3 of 0..7, as a Kubernetes indexed
 * Job numbers its pods). A person belongs to the share of a stable hash of their id (CRC-32C, the same on
 * every machine and JVM), so N machines reading the same file evaluate each person exactly once; an entry with
 * no readable id belongs to the share of its line number, so that exactly one machine reports it as rejected.
 */
public record Shard(int index, int count) {

    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is INDEX/COUNT with 0 <= INDEX < COUNT, like 3/8");
        }
    }

    /** Reads {@code 3/8}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a shard: write INDEX/COUNT with 0 <= INDEX < COUNT, like 3/8");
    }

    public boolean holdsPerson(String personId) {
        CRC32C crc = new CRC32C();
        crc.update(personId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index;
    }

    public boolean holdsLine(long line) {
        return line % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
