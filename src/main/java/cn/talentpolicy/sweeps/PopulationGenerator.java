package cn.talentpolicy.sweeps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a synthetic Shandong population (see {@link SyntheticPerson} for who is in it) as a population file,
 * for trying sweeps at scale: people {@code P0000001}, {@code P0000002}, ... in the record format, as JSON Lines or
 * CSV. The same seed, as-of date and bad rate give the same file byte for byte: each person is drawn from a
 * generator of their own, so people are made in blocks on every core and written in order, and memory stays
 * the same whatever the number of people.
 * <p>
 * At {@code badRate} (0 to 1; default 0) an entry is spoilt with one of the {@link BadEntry} mistakes; whether a
 * person is spoilt does not change who they are, so the good people of a file are the same at every rate.
 */
public final class PopulationGenerator {

    /** What was written. */
    public record Summary(long people, long badEntries, long bytes) {
    }

    /** People made per block of work: large enough to keep the cores busy, small enough to stay in cache. */
    static final int BLOCK = 1_000;

    private static final long PERSON_STREAM = 0x5045_5253_4f4eL;
    private static final long BAD_STREAM = 0x4241_4444L;
    private static final long DAMAGE_STREAM = 0x4441_4d41_4745L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final LocalDate asOf;
    private final double badRate;

    /**
     * @param asOf    the date the population is as of: every good record was retrieved on or before it
     * @param badRate the share of entries spoilt on purpose, 0 to 1
     */
    public PopulationGenerator(long seed, LocalDate asOf, double badRate) {
        if (!(badRate >= 0 && badRate <= 1)) {
            throw new IllegalArgumentException("the bad rate is a share from 0 to 1, not " + badRate);
        }
        this.seed = seed;
        this.asOf = java.util.Objects.requireNonNull(asOf, "asOf");
        this.badRate = badRate;
    }

    /** Writes {@code people} people to {@code out} (which is left open). */
    public Summary write(long people, OutputStream out, Population.Format format) throws IOException {
        if (people < 0) {
            throw new IllegalArgumentException("the number of people cannot be negative: " + people);
        }
        long bytes = 0;
        long bad = 0;
        if (format == Population.Format.CSV) {
            byte[] header = (CsvColumns.header() + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(header);
            bytes += header.length;
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "population-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<Block>> inFlight = new ArrayDeque<>();
            long next = 1;
            while (next <= people || !inFlight.isEmpty()) {
                // a few blocks ahead of the writer, never more: memory does not grow with the file
                while (inFlight.size() < 2 * threads && next <= people) {
                    long from = next;
                    long to = Math.min(people, next + BLOCK - 1);
                    inFlight.add(workers.submit(() -> block(from, to, format)));
                    next = to + 1;
                }
                Block block = await(inFlight.poll());
                out.write(block.bytes());
                bytes += block.bytes().length;
                bad += block.bad();
            }
            out.flush();
        } finally {
            workers.shutdownNow();
        }
        return new Summary(people, bad, bytes);
    }

    private record Block(byte[] bytes, long bad) {
    }

    private Block block(long from, long to, Population.Format format) throws IOException {
        StringBuilder text = new StringBuilder((int) (to - from + 1) * 1_600);
        CsvPopulationWriter csv = new CsvPopulationWriter(text);
        long bad = 0;
        for (long n = from; n <= to; n++) {
            ObjectNode person = person(n);
            BadEntry kind = badEntry(n);
            SplitMix damage = kind == null ? null : SplitMix.of(seed, n, DAMAGE_STREAM);
            if (kind != null) {
                bad++;
                kind.damage(person, number(n), asOf, damage);
            }
            if (format == Population.Format.CSV) {
                List<String[]> rows = CsvPopulationWriter.rows(person);
                if (kind != null) {
                    kind.rows(rows, damage);
                }
                for (String[] row : rows) {
                    csv.writeRow(row);
                }
            } else {
                String line = json(person);
                text.append(kind == null ? line : kind.line(line, damage)).append('\n');
            }
        }
        return new Block(text.toString().getBytes(StandardCharsets.UTF_8), bad);
    }

    /** Person {@code n} (from 1) as generated, before any damage. */
    ObjectNode person(long n) {
        return SyntheticPerson.generate(number(n), asOf, SplitMix.of(seed, n, PERSON_STREAM));
    }

    /** The mistake entry {@code n} holds, or null for a good entry. */
    BadEntry badEntry(long n) {
        BadEntry kind = drawnBadEntry(n);
        // two people without an id side by side would read as one person in CSV: a bad entry is one entry
        if (kind == BadEntry.MISSING_PERSON_ID && n > 1 && drawnBadEntry(n - 1) == BadEntry.MISSING_PERSON_ID) {
            return BadEntry.TRUNCATED;
        }
        return kind;
    }

    private BadEntry drawnBadEntry(long n) {
        if (badRate == 0) {
            return null;
        }
        SplitMix rng = SplitMix.of(seed, n, BAD_STREAM);
        return rng.chance(badRate) ? BadEntry.values()[rng.nextInt(BadEntry.values().length)] : null;
    }

    /** The digits of person {@code n}'s id: seven, zero-padded (more past 9,999,999). */
    static String number(long n) {
        String digits = Long.toString(n);
        return digits.length() >= 7 ? digits : "0000000".substring(digits.length()) + digits;
    }

    private static String json(ObjectNode person) {
        try {
            return JSON.writeValueAsString(person);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Block await(Future<Block> block) throws IOException {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while generating");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
