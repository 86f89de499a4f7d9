package cn.talentpolicy.sweeps;

import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Population sweeps run by the service: an upload is streamed to disk and queued; one background thread sweeps
 * the jobs one at a time (each sweep has its own worker threads), so a sweep has the machine's cores to itself.
 * Everything lives on disk under {@code <data-dir>/sweeps/<id>/} ({@link JobFolders}), and a restart loses
 * nothing: at {@link #start()} every job left QUEUED or RUNNING is picked up again, a RUNNING one resumed from
 * its sweep's last checkpoint; at {@link #close()} a running sweep is stopped and left RUNNING to be resumed.
 * <p>
 * A sweep's results must all come from one ruleset. A job whose sweep began on other rules than those serving
 * (a reload during the sweep, or new rules at a restart) is not resumed: it becomes INTERRUPTED, with its
 * results up to the last checkpoint kept and offered as they are.
 */
@Service
public class SweepJobs implements AutoCloseable {

    /** The files of a job's results that can be downloaded. */
    public enum Result {
        SUMMARY(SweepResults.SUMMARY), SUMMARY_PAGE(SweepResults.PAGE), CLAIMABLE(SweepResults.CLAIMABLE),
        REJECTS(SweepResults.REJECTS), OUTCOMES(SweepResults.OUTCOMES);

        private final String file;

        Result(String file) {
            this.file = file;
        }
    }

    /** An upload over {@code talent.sweeps.max-upload-bytes}; nothing of it is kept. */
    public static final class UploadTooLargeException extends RuntimeException {
        private final long limit;

        UploadTooLargeException(long limit) {
            super("The population file is over the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** An upload of no bytes: there is no one to sweep. */
    public static final class EmptyUploadException extends RuntimeException {
        EmptyUploadException() {
            super("The population file is empty: send one person a line (JSON Lines) or a CSV file");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SweepJobs.class);
    /** job.json is rewritten at most this often while a sweep runs (the in-memory view is always current). */
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;

    private final JobFolders folders;
    private final RulesetHolder rulesets;
    private final Map<String, Integer> maxAgeDays;
    private final SweepProperties properties;
    private final Clock clock;
    private final Map<String, SweepJob> jobs = new ConcurrentHashMap<>();
    private ExecutorService worker;
    private volatile boolean stopping;
    private volatile Run running;
    private volatile Runnable afterEachBatch = () -> {
    };

    public SweepJobs(@Value("${talent.data-dir:data}") Path dataDir, RulesetHolder rulesets,
                     CertificationProperties certification, SweepProperties properties, Clock clock) {
        this.folders = new JobFolders(dataDir);
        this.rulesets = rulesets;
        this.maxAgeDays = certification.maxAgeDays();
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reads the jobs on disk and picks up those left QUEUED or RUNNING by the last run of the service: oldest
     * RUNNING first, then the queue in upload order. Uploads that never finished are removed.
     */
    @PostConstruct
    public synchronized void start() throws IOException {
        if (worker != null) {
            return;
        }
        JobFolders.Found found = folders.scan();
        for (Path unfinished : found.unfinishedUploads()) {
            log.info("Removing {}: its upload never finished", unfinished);
            JobFolders.delete(unfinished);
        }
        found.unreadable().forEach(why -> log.error("Sweep job file unreadable, job ignored: {}", why));
        found.jobs().forEach(job -> jobs.put(job.id(), job));
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sweep-jobs");
            t.setDaemon(true);
            return t;
        });
        List<SweepJob> left = found.jobs().stream().filter(job -> !job.status().isFinal())
                .sorted(Comparator.comparing((SweepJob job) -> job.status() != SweepJob.Status.RUNNING)
                        .thenComparing(SweepJob::created))
                .toList();
        for (SweepJob job : left) {
            String changed;
            try {
                changed = job.status() == SweepJob.Status.RUNNING ? rulesChangedUnder(job.id()) : null;
            } catch (IOException | RuntimeException e) { // one job's damaged checkpoint must not stop the service
                log.error("Sweep {}: its checkpoint cannot be read, the job fails: {}", job.id(), e.toString());
                save(job.failed("its checkpoint could not be read after a restart: " + e, now()));
                continue;
            }
            if (changed != null) {
                interrupt(job, changed); // said at once, not when its turn comes
            } else {
                log.info("Sweep {} ({}) picked up again", job.id(), job.status());
                worker.execute(() -> run(job.id()));
            }
        }
    }

    /**
     * Stops the running sweep (its thread is interrupted and the sweep throws) and leaves it RUNNING on disk,
     * with the queue, for the next start to pick up. Waits up to 30 seconds for the sweep to let go of its files.
     */
    @PreDestroy
    @Override
    public void close() {
        ExecutorService stopped;
        synchronized (this) {
            stopping = true;
            stopped = worker;
        }
        if (stopped == null) {
            return;
        }
        stopped.shutdownNow();
        try {
            if (!stopped.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The running sweep did not stop within 30 s; it resumes from its last checkpoint");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Streams a population file to disk and queues its sweep. An upload over the limit, or empty, leaves nothing
     * on disk.
     *
     * @param declaredBytes the upload's length as its sender declares it, -1 if not declared: over the limit, it
     *                      is refused before a byte is read
     * @param asOf          the date to sweep at; null for today (in the service's clock's zone)
     */
    public SweepJob submit(InputStream upload, long declaredBytes, Population.Format format, LocalDate asOf)
            throws IOException {
        if (declaredBytes > properties.maxUploadBytes()) {
            throw new UploadTooLargeException(properties.maxUploadBytes());
        }
        String id = JobFolders.newId();
        Path folder = folders.createFolder(id);
        try {
            if (copy(upload, folders.population(id, format)) == 0) {
                throw new EmptyUploadException();
            }
        } catch (IOException | RuntimeException e) {
            JobFolders.delete(folder);
            throw e;
        }
        // the job exists from here: a folder without job.json is an unfinished upload, removed at start-up
        SweepJob job = save(SweepJob.queued(id, asOf != null ? asOf : LocalDate.now(clock), format, now()));
        synchronized (this) {
            if (worker != null && !stopping) {
                worker.execute(() -> run(id));
            }
        }
        return job;
    }

    /** The job, if the id names one (a text not shaped like an id names none, and touches no path). */
    public Optional<SweepJob> find(String id) {
        return JobFolders.isId(id) ? Optional.ofNullable(jobs.get(id)) : Optional.empty();
    }

    /** Every job, newest first. */
    public List<SweepJob> list() {
        return jobs.values().stream().sorted(Comparator.comparing(SweepJob::created).reversed()
                .thenComparing(SweepJob::id)).toList();
    }

    /** Entries swept a second by the job's sweep now running (since it started or resumed), if it is running. */
    public OptionalDouble perSecond(String id) {
        Run run = running;
        return run != null && run.id.equals(id) && run.perSecond > 0 ? OptionalDouble.of(run.perSecond)
                : OptionalDouble.empty();
    }

    /** Whether the job's results can be read: when it is DONE, or INTERRUPTED with the results it had so far. */
    public boolean hasResults(SweepJob job) {
        return job.status() == SweepJob.Status.DONE || job.status() == SweepJob.Status.INTERRUPTED
                && Files.exists(folders.result(job.id(), SweepResults.SUMMARY));
    }

    /** A file of the job's results, once it has results. */
    public Optional<Path> result(SweepJob job, Result result) {
        return hasResults(job) ? Optional.of(folders.result(job.id(), result.file)) : Optional.empty();
    }

    /** Lets a test act between two batches of the running sweep, as a reload or a shutdown would. */
    void afterEachBatch(Runnable hook) {
        this.afterEachBatch = hook;
    }

    /** Sweeps one job to its end (on the job thread). */
    private void run(String id) {
        SweepJob job = jobs.get(id);
        if (job == null || job.status().isFinal()) {
            return;
        }
        try {
            Optional<SweepResults.State> checkpoint = folders.checkpoint(id);
            if (checkpoint.isPresent() && "DONE".equals(checkpoint.get().status())) {
                // the service stopped after the sweep finished and before the job said so
                save(job.done(checkpoint.get().entriesDone(), now()));
                return;
            }
            String changed = rulesChangedUnder(id);
            if (changed != null) {
                interrupt(job, changed);
                return;
            }
            Ruleset ruleset = rulesets.current();
            boolean resume = checkpoint.isPresent();
            job = save(job.running(ruleset.version(), now()));
            Path population = folders.population(id, job.format());
            if (job.total() == null) {
                job = save(job.counted(Population.count(population, job.format())));
            }
            Run run = new Run(id, ruleset.version(), resume ? checkpoint.get().entriesDone() : 0);
            running = run;
            Sweep sweep = new Sweep(ruleset, maxAgeDays, new Sweep.Options(job.asOf(), Shard.ALL,
                    properties.threads(), properties.batchSize()));
            SweepSummary summary = sweep.run(population, job.format(), folders.results(id), resume, run);
            save(jobs.get(id).done(summary.entries(), now()));
            log.info("Sweep {} done: {} entries, {} claims", id, summary.entries(), summary.claims());
        } catch (RulesChanged e) {
            interrupt(jobs.get(id), e.getMessage());
        } catch (Exception e) {
            if (stopping) {
                leaveForNextStart(id);
            } else {
                String why = describe(e);
                if (e instanceof IOException || e instanceof IllegalStateException) {
                    log.warn("Sweep {} failed: {}", id, why); // the file or the folder: the reason says it all
                } else {
                    log.error("Sweep {} failed", id, e);
                }
                save(jobs.get(id).failed(why, now()));
            }
        } catch (Error e) { // out of memory, say: said on the job, or every start would pick it up again
            log.error("Sweep {} failed", id, e);
            save(jobs.get(id).failed(e.toString(), now()));
        } finally {
            running = null;
        }
    }

    /** The reason a RUNNING job cannot go on under the rules serving now, or null if it can. */
    private String rulesChangedUnder(String id) throws IOException {
        Optional<SweepResults.State> checkpoint = folders.checkpoint(id);
        if (checkpoint.isEmpty() || !"RUNNING".equals(checkpoint.get().status())) {
            return null;
        }
        String swept = checkpoint.get().sweep().rulesetVersion();
        String serving = rulesets.current().version();
        return swept.equals(serving) ? null : RulesChanged.reason(swept, serving);
    }

    /** Ends a job for good with the results it has so far. */
    private void interrupt(SweepJob job, String why) {
        try {
            Path results = folders.results(job.id());
            if (Files.exists(results.resolve(SweepResults.STATE))) {
                SweepResults.State kept = SweepResults.keepPartial(results);
                save(job.interrupted(kept.entriesDone(), kept.sweep().rulesetVersion(), why + " The results of the "
                        + kept.entriesDone() + " entries swept up to its last checkpoint are kept.", now()));
            } else {
                save(job.interrupted(0, job.rulesetVersion(), why, now()));
            }
            log.warn("Sweep {} interrupted: {}", job.id(), why);
        } catch (IOException e) {
            log.error("Sweep {} could not be interrupted cleanly", job.id(), e);
            save(job.failed(why + " Its partial results could not be kept: " + e.getMessage(), now()));
        }
    }

    /** Writes how far a stopped sweep went, still RUNNING, so that the next start resumes it. */
    private void leaveForNextStart(String id) {
        Thread.interrupted(); // the job file is written through an interruptible channel
        SweepJob job = jobs.get(id);
        save(job);
        log.info("Sweep {} stopped at {} entries; it resumes at the next start", id, job.done());
    }

    private static String describe(Exception e) {
        if (e instanceof CharacterCodingException) {
            return "The population file is not UTF-8 text (" + e.getMessage() + "): save it as UTF-8 and upload it"
                    + " again";
        }
        if (e instanceof IllegalStateException || e instanceof IOException) {
            return e.getMessage();
        }
        return "The sweep failed inside the service: " + e;
    }

    private SweepJob save(SweepJob job) {
        jobs.put(job.id(), job);
        folders.save(job);
        return job;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private long copy(InputStream upload, Path target) throws IOException {
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            int read;
            while ((read = upload.read(buffer)) != -1) {
                bytes += read;
                if (bytes > properties.maxUploadBytes()) {
                    throw new UploadTooLargeException(properties.maxUploadBytes());
                }
                out.write(buffer, 0, read);
            }
        }
        return bytes;
    }

    /** The running sweep's progress: kept in memory after every batch, written to job.json about once a second. */
    private final class Run implements Sweep.Progress {
        final String id;
        final String version;
        final long doneBefore;
        volatile double perSecond;
        long saved = System.nanoTime();

        Run(String id, String version, long doneBefore) {
            this.id = id;
            this.version = version;
            this.doneBefore = doneBefore;
        }

        @Override
        public void update(long done, long elapsedNanos) {
            afterEachBatch.run();
            if (stopping) {
                throw new IllegalStateException("the service is stopping");
            }
            String serving = rulesets.current().version();
            if (!serving.equals(version)) {
                // the replaced ruleset is closed soon after a reload: the sweep cannot go on with it
                throw new RulesChanged(RulesChanged.reason(version, serving));
            }
            perSecond = elapsedNanos > 0 ? (done - doneBefore) / (elapsedNanos / 1e9) : 0;
            SweepJob job = jobs.get(id).progressed(done);
            jobs.put(id, job);
            if (System.nanoTime() - saved >= SAVE_EVERY_NANOS) {
                folders.save(job);
                saved = System.nanoTime();
            }
        }
    }

    /** The rules serving are not those the sweep began on. */
    private static final class RulesChanged extends RuntimeException {
        RulesChanged(String reason) {
            super(reason, null, false, false);
        }

        static String reason(String swept, String serving) {
            return "The rules changed under this sweep: it began on ruleset " + swept + " and " + serving
                    + " serves now, and a sweep's results must all come from one ruleset. Upload the population"
                    + " again to sweep it under the new rules.";
        }
    }
}
