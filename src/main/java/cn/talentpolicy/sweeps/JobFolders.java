package cn.talentpolicy.sweeps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the service keeps its sweeps' files: {@code <data-dir>/sweeps/<id>/} holding the upload
 * ({@code population.jsonl} or {@code population.csv}) and {@code results/} (the {@link Sweep}'s results folder).
 * The jobs themselves are rows of the database ({@link SweepJobStore}); a folder with no job row is an upload that
 * never finished.
 */
final class JobFolders {

    /** A job id: random (80 bits from a SecureRandom), so one person's sweep cannot be found by guessing. */
    private static final Pattern ID = Pattern.compile("sweep-[0-9a-f]{20}");
    /** Where an older version kept a job's state, before jobs moved into the database. */
    private static final String LEGACY_JOB = "job.json";
    private static final String DELETED = ".deleted-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    JobFolders(Path dataDir) {
        this.root = dataDir.resolve("sweeps");
    }

    static String newId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "sweep-" + HexFormat.of().formatHex(bytes);
    }

    /** Whether the text has the shape of a job id: only such a text is ever turned into a path. */
    static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    Path folder(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not a sweep id: " + id);
        }
        return root.resolve(id);
    }

    Path population(String id, Population.Format format) {
        return folder(id).resolve(format == Population.Format.CSV ? "population.csv" : "population.jsonl");
    }

    Path results(String id) {
        return folder(id).resolve("results");
    }

    Path result(String id, String file) {
        return results(id).resolve(file);
    }

    /** The last checkpoint of the job's sweep ({@code results/sweep.json}), if the sweep got that far. */
    Optional<SweepResults.State> checkpoint(String id) throws IOException {
        Path state = result(id, SweepResults.STATE);
        return Files.exists(state) ? Optional.of(Sweep.JSON.readValue(state.toFile(), SweepResults.State.class))
                : Optional.empty();
    }

    /**
     * What the folder holds: the jobs' folders by id, and the jobs an older version described in a
     * {@code job.json} of their folder (to move into the database).
     */
    record Found(List<String> folders, List<SweepJob> legacyJobs, List<String> unreadable) {
    }

    Found scan() throws IOException {
        List<String> ids = new ArrayList<>();
        List<SweepJob> legacy = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Found(ids, legacy, unreadable);
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String name = folder.getFileName().toString();
                if (!isId(name)) {
                    continue; // not ours
                }
                ids.add(name);
                Path job = folder.resolve(LEGACY_JOB);
                if (Files.exists(job)) {
                    try {
                        legacy.add(Sweep.JSON.readValue(job.toFile(), SweepJob.class));
                    } catch (IOException e) {
                        unreadable.add(name + ": " + e.getMessage());
                    }
                }
            }
        }
        return new Found(ids, legacy, unreadable);
    }

    /** Removes the job.json of a job that has moved into the database. */
    void forgetLegacy(String id) throws IOException {
        Files.deleteIfExists(folder(id).resolve(LEGACY_JOB));
    }

    Path createFolder(String id) throws IOException {
        return cn.talentpolicy.storage.DataDirectory.folder(folder(id));
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Takes a job's folder out of the jobs in one rename (to {@code .deleted-<id>}, which no scan reads as a job),
     * so that a deletion cut short leaves nothing that comes back at the next start; then deletes it.
     */
    void deleteJob(String id) throws IOException {
        Path folder = folder(id);
        Path tombstone = root.resolve(DELETED + id);
        if (Files.exists(folder)) {
            Files.move(folder, tombstone, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        delete(tombstone);
    }

    /** Deletes what deletions cut short left behind. */
    void purgeDeleted() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith(DELETED)).toList()) {
                delete(folder);
            }
        }
    }
}
