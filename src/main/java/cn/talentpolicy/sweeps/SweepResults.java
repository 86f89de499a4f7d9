package cn.talentpolicy.sweeps;

import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.storage.DataDirectory;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep's results folder, written as the sweep goes:
 * <ul>
 *   <li>{@code claimable.jsonl}: one {@link Claim} a line, in population order;</li>
 *   <li>{@code rejects.jsonl}: every entry that could not be evaluated, with its line and each problem;</li>
 *   <li>{@code outcomes.tsv}: every person evaluated, their region and a state code per policy (C claimable,
 *       P paid already, T tier certified, N needs information, I ineligible), for change-only re-sweeps;</li>
 *   <li>{@code summary.json} and {@code summary.html}: the counts, once the sweep is done;</li>
 *   <li>{@code sweep.json}: what is being swept and the last checkpoint (entries done, file lengths and counts
 *       at that point). The data files are flushed to disk before the checkpoint names their lengths, so after
 *       a crash the files are cut back to the checkpoint and the sweep goes on from there: nothing is lost or
 *       written twice.</li>
 * </ul>
 */
final class SweepResults implements Closeable {

    static final String CLAIMABLE = "claimable.jsonl";
    static final String REJECTS = "rejects.jsonl";
    static final String OUTCOMES = "outcomes.tsv";
    static final String SUMMARY = "summary.json";
    static final String PAGE = "summary.html";
    static final String STATE = "sweep.json";
    private static final List<String> DATA = List.of(CLAIMABLE, REJECTS, OUTCOMES);
    private static final long CHECKPOINT_NANOS = 1_000_000_000L;

    /**
     * What a results folder is the sweep of: resuming needs the same file, date, shard and rules. The file is named
     * twice, by its absolute path and by its path from the results folder, and either will do: a results folder
     * moved on its own still resumes, and so does one moved together with its population (a service's data
     * directory, moved or mounted elsewhere between two starts, with the files' times kept).
     *
     * @param fromResults null in a checkpoint written before 2026-12-06, or where no path leads from the one to
     *                    the other (two drives)
     */
    record Identity(String population, String fromResults, long size, long modified, LocalDate asOf, String shard,
                    String rulesetVersion) {

        static Identity of(Path population, Path results, LocalDate asOf, Shard shard, String rulesetVersion)
                throws IOException {
            Path file = population.toAbsolutePath().normalize();
            String fromResults;
            try {
                fromResults = results.toAbsolutePath().normalize().relativize(file).toString();
            } catch (IllegalArgumentException differentRoots) {
                fromResults = null;
            }
            return new Identity(file.toString(), fromResults, Files.size(population),
                    Files.getLastModifiedTime(population).toMillis(), asOf, shard.toString(), rulesetVersion);
        }

        /** Whether a sweep checkpointed as {@code before} is this one. */
        boolean resumes(Identity before) {
            boolean sameFile = population.equals(before.population())
                    || fromResults != null && fromResults.equals(before.fromResults());
            return sameFile && size == before.size() && modified == before.modified() && asOf.equals(before.asOf())
                    && shard.equals(before.shard()) && rulesetVersion.equals(before.rulesetVersion());
        }
    }

    /** {@code sweep.json}. */
    record State(String status, Identity sweep, long entriesDone, Map<String, Long> lengths, SweepSummary counts) {
    }

    private final Path folder;
    private final Identity identity;
    private final SweepSummary.Tally tally;
    private final Map<String, FileChannel> channels = new LinkedHashMap<>();
    private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();
    private long entriesDone;
    private long lastCheckpoint = System.nanoTime();

    private SweepResults(Path folder, Identity identity, SweepSummary.Tally tally, long entriesDone) {
        this.folder = folder;
        this.identity = identity;
        this.tally = tally;
        this.entriesDone = entriesDone;
    }

    static SweepResults open(Path folder, Identity identity, List<String> policies, Map<String, String> titles,
                             boolean resume) throws IOException {
        DataDirectory.folder(folder);
        Path statePath = folder.resolve(STATE);
        List<String> shards = identity.shard().equals(Shard.ALL.toString()) ? List.of() : List.of(identity.shard());
        SweepSummary.Tally tally = new SweepSummary.Tally(identity.asOf(), identity.rulesetVersion(), shards, titles);
        if (Files.exists(statePath)) {
            if (!resume) {
                throw new IllegalStateException(folder + " already holds a sweep: choose an empty folder"
                        + " (or resume the interrupted sweep there)");
            }
            State state = Sweep.JSON.readValue(statePath.toFile(), State.class);
            if (!"RUNNING".equals(state.status())) {
                throw new IllegalStateException(folder + " holds the finished sweep of " + describe(state.sweep())
                        + ", not of " + describe(identity) + ": choose an empty folder");
            }
            if (!identity.resumes(state.sweep())) {
                throw new IllegalStateException("the sweep in " + folder + " cannot be resumed: it swept "
                        + describe(state.sweep()) + ", not " + describe(identity));
            }
            tally.add(state.counts());
            SweepResults results = new SweepResults(folder, identity, tally, state.entriesDone());
            for (String file : DATA) {
                FileChannel channel = FileChannel.open(folder.resolve(file), StandardOpenOption.WRITE);
                channel.truncate(state.lengths().get(file)); // what was written after the checkpoint goes
                channel.position(state.lengths().get(file));
                results.add(file, channel);
            }
            return results;
        }
        if (resume && Files.exists(folder.resolve(CLAIMABLE))) {
            throw new IllegalStateException(folder + " holds results but no sweep.json: it cannot be resumed");
        }
        SweepResults results = new SweepResults(folder, identity, tally, 0);
        for (String file : DATA) {
            results.add(file, DataDirectory.openPrivate(folder.resolve(file), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        }
        results.writers.get(OUTCOMES).write("personId\tregion\t" + String.join("\t", policies) + "\n");
        results.checkpoint("RUNNING");
        return results;
    }

    /**
     * The summary of the sweep this folder holds, if that very sweep finished: resuming it is nothing to do. The
     * summary is the finished checkpoint's counts (which are what summary.json says), its pages written again if
     * they have gone.
     */
    static Optional<SweepSummary> finished(Path folder, Identity identity) throws IOException {
        Path statePath = folder.resolve(STATE);
        if (!Files.exists(statePath)) {
            return Optional.empty();
        }
        State state = Sweep.JSON.readValue(statePath.toFile(), State.class);
        if (!"DONE".equals(state.status()) || !identity.resumes(state.sweep())) {
            return Optional.empty();
        }
        if (!Files.exists(folder.resolve(SUMMARY)) || !Files.exists(folder.resolve(PAGE))) {
            writeSummary(folder, state.counts());
        }
        return Optional.of(state.counts());
    }

    private static String describe(Identity sweep) {
        return sweep.population() + " (" + sweep.size() + " bytes, modified " + Instant.ofEpochMilli(sweep.modified())
                + ") as of " + sweep.asOf() + ", shard " + sweep.shard() + ", ruleset " + sweep.rulesetVersion();
    }

    private void add(String file, FileChannel channel) {
        channels.put(file, channel);
        writers.put(file, new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                StandardCharsets.UTF_8), 1 << 16));
    }

    long entriesDone() {
        return entriesDone;
    }

    void write(List<Sweep.Done> batch) throws IOException {
        BufferedWriter claimable = writers.get(CLAIMABLE);
        BufferedWriter rejects = writers.get(REJECTS);
        BufferedWriter outcomes = writers.get(OUTCOMES);
        for (Sweep.Done done : batch) {
            entriesDone++;
            if (done instanceof Sweep.Done.Evaluated e) {
                tally.entries++;
                tally.person(e.outcome(), 1);
                outcomes.write(e.outcomeLine());
                outcomes.write('\n');
                for (String line : e.claimLines()) {
                    claimable.write(line);
                    claimable.write('\n');
                }
            } else if (done instanceof Sweep.Done.Rejected r) {
                tally.entries++;
                tally.rejected++;
                rejects.write(rejectLine(r.line(), r.personId(), r.problems()));
                rejects.write('\n');
            }
        }
        if (System.nanoTime() - lastCheckpoint > CHECKPOINT_NANOS) {
            checkpoint("RUNNING");
        }
    }

    static String rejectLine(long line, String personId, List<FieldProblem> problems) throws IOException {
        Map<String, Object> reject = new LinkedHashMap<>();
        reject.put("line", line);
        if (personId != null) {
            reject.put("personId", personId);
        }
        reject.put("problems", problems);
        return Sweep.JSON.writeValueAsString(reject);
    }

    /** Flushes the data to disk, then records how far it goes. */
    private void checkpoint(String status) throws IOException {
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (String file : DATA) {
            writers.get(file).flush();
            channels.get(file).force(false);
            lengths.put(file, channels.get(file).position());
        }
        writeAtomically(folder.resolve(STATE), Sweep.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new State(status, identity, entriesDone, lengths, tally.summary())));
        lastCheckpoint = System.nanoTime();
    }

    /** Writes the summary (JSON and HTML) and marks the sweep done. */
    SweepSummary finish() throws IOException {
        SweepSummary summary = tally.summary();
        checkpoint("RUNNING"); // the data files on disk first: a summary never stands over files missing their tail
        writeSummary(folder, summary);
        checkpoint("DONE");
        return summary;
    }

    /**
     * Makes what an unfinished sweep wrote readable as it stands, for a sweep that will not go on (its rules
     * changed): the data files are cut back to the last checkpoint (what comes after it may end mid-line), and
     * the checkpoint's counts become the summary, so that the summary and the files agree. Returns the checkpoint.
     */
    static State keepPartial(Path folder) throws IOException {
        State state = Sweep.JSON.readValue(folder.resolve(STATE).toFile(), State.class);
        for (String file : DATA) {
            try (FileChannel channel = FileChannel.open(folder.resolve(file), StandardOpenOption.WRITE)) {
                channel.truncate(state.lengths().get(file));
            }
        }
        writeSummary(folder, state.counts());
        return state;
    }

    static void writeSummary(Path folder, SweepSummary summary) throws IOException {
        writeAtomically(folder.resolve(SUMMARY), Sweep.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(summary));
        writeAtomically(folder.resolve(PAGE), SummaryPage.render(summary).getBytes(StandardCharsets.UTF_8));
    }

    static void writeAtomically(Path path, byte[] content) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try (java.nio.channels.FileChannel file = DataDirectory.openPrivate(temporary,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            file.force(true); // on disk before it replaces the old one: a power cut leaves the old or the new
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Map.Entry<String, BufferedWriter> writer : writers.entrySet()) {
            try {
                // an unfinished sweep keeps only what its last checkpoint names: resuming cuts the rest
                writer.getValue().close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
