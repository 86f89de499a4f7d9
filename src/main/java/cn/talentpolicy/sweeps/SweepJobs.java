package cn.talentpolicy.sweeps;

import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.storage.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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
import java.util.Set;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Population sweeps run by the service: an upload is streamed to disk and queued; one background thread sweeps
 * the jobs one at a time (each sweep has its own worker threads), so a sweep has the machine's cores to itself.
 * The jobs are rows of the service's database ({@link SweepJobStore}), their uploads and results files under
 * {@code <data-dir>/sweeps/<id>/} ({@link JobFolders}), and a restart loses nothing: at {@link #start()} every
 * job left QUEUED or RUNNING is picked up again, a RUNNING one resumed from its sweep's last checkpoint; at
 * {@link #close()} a running sweep is stopped and left RUNNING to be resumed.
 * <p>
 * A sweep's claims are decisions handed out: before a job is DONE, each line of its {@code claimable.jsonl} is
 * recorded in the decision register ({@link ClaimRecords}), and a restart in the middle of that goes on from the
 * claims already recorded.
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
    /** The job's row is written at most this often while a sweep runs (the in-memory view is always current). */
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;

    private final JobFolders folders;
    private final SweepJobStore store;
    private final ClaimRecords claims;
    private final DataDirectory data;
    /** Jobs deleted while their sweep may still be running: nothing of theirs is written again. */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final RulesetHolder rulesets;
    private final Map<String, Integer> maxAgeDays;
    private final SweepProperties properties;
    private final Clock clock;
    private final Map<String, SweepJob> jobs = new ConcurrentHashMap<>();
    private ExecutorService worker;
    private volatile boolean stopping;
    private volatile Run running;
    /** The job the job thread has taken, until it lets go of its files. */
    private volatile Working working;
    /** Held while a job's entry or row is written, and while a deletion takes the job out. */
    private final Object records = new Object();
    private volatile Runnable afterEachBatch = () -> {
    };

    public SweepJobs(DataDirectory data, SweepJobStore store, ClaimRecords claims, RulesetHolder rulesets,
                     CertificationProperties certification, SweepProperties properties, Clock clock) {
        this.data = data;
        this.store = store;
        this.claims = claims;
        this.folders = new JobFolders(data.root());
        this.rulesets = rulesets;
        this.maxAgeDays = certification.maxAgeDays();
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reads the jobs and picks up those left QUEUED or RUNNING by the last run of the service: oldest RUNNING
     * first, then the queue in upload order. Uploads that never finished are removed, and jobs an older version
     * kept in job.json files move into the database.
     */
    @PostConstruct
    public synchronized void start() throws IOException {
        if (worker != null) {
            return;
        }
        folders.purgeDeleted(); // deletions the last run began and did not finish
        store.all().forEach(job -> jobs.put(job.id(), job));
        JobFolders.Found found = folders.scan();
        for (SweepJob legacy : found.legacyJobs()) {
            if (!jobs.containsKey(legacy.id())) {
                store.save(legacy);
                jobs.put(legacy.id(), legacy);
                log.info("Sweep {} moved from its job.json into the database", legacy.id());
            }
            folders.forgetLegacy(legacy.id());
        }
        found.unreadable().forEach(why -> log.error("Sweep job file unreadable, job ignored: {}", why));
        for (String id : found.folders()) {
            if (!jobs.containsKey(id)) {
                log.info("Removing the folder of {}: its upload never finished", id);
                JobFolders.delete(folders.folder(id));
            }
        }
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sweep-jobs");
            t.setDaemon(true);
            return t;
        });
        List<SweepJob> left = jobs.values().stream().filter(job -> !job.status().isFinal())
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
     * @param region        the region the job is made under (the uploading officer's)
     * @param madeBy        who uploads it
     */
    public SweepJob submit(InputStream upload, long declaredBytes, Population.Format format, LocalDate asOf,
                           String region, String madeBy) throws IOException {
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
        // the job exists from here: a folder with no job row is an unfinished upload, removed at start-up
        SweepJob job = save(SweepJob.queued(id, asOf != null ? asOf : LocalDate.now(clock), format, now(), region,
                madeBy));
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

    /**
     * Deletes the job and every file of it, its upload and its results. A running sweep is stopped first (this
     * waits up to 30 seconds for it to let go of its files).
     *
     * @return false if there is no such job
     */
    public boolean delete(String id) throws IOException {
        if (!JobFolders.isId(id)) {
            return false;
        }
        synchronized (records) { // from here nothing of the job is written again, and only one caller deletes it
            if (jobs.remove(id) == null) {
                return false;
            }
            deleted.add(id);
            store.delete(id);
        }
        Working sweeping = working;
        if (sweeping != null && sweeping.id.equals(id)) {
            try {
                if (!sweeping.ended.await(30, TimeUnit.SECONDS)) {
                    log.warn("Sweep {} did not stop within 30 s of its deletion", id);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        folders.deleteJob(id);
        data.freed();
        log.info("Sweep {} deleted", id);
        return true;
    }

    /**
     * Deletes the jobs that ended longer ago than the data directory's retention period, every file of them
     * (daily, and once soon after start). Jobs not ended are kept, however old.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT24H")
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(data.retention());
        int count = 0;
        for (SweepJob job : list()) {
            Instant ended = job.finished() != null ? job.finished() : job.created();
            if (job.status().isFinal() && ended.isBefore(cutoff)) {
                try {
                    count += delete(job.id()) ? 1 : 0;
                } catch (IOException | RuntimeException e) { // the next job's retention is not this one's
                    log.error("Sweep {}: cannot delete it at the end of its retention period: {}", job.id(),
                            e.toString());
                }
            }
        }
        if (count > 0) {
            log.info("Deleted {} sweeps that ended more than {} days ago", count, data.retention().toDays());
        }
        return count;
    }

    /** The running sweep's entries done and in all (total 0 until counted), or empty if none runs. */
    public Optional<Progress> progress() {
        Run run = running;
        SweepJob job = run == null ? null : jobs.get(run.id);
        return job == null ? Optional.empty() : Optional.of(new Progress(job.done(), job.total() == null ? 0
                : job.total()));
    }

    /** How far the running sweep is. */
    public record Progress(long done, long total) {
    }

    /** Lets a test act between two batches of the running sweep, as a reload or a shutdown would. */
    void afterEachBatch(Runnable hook) {
        this.afterEachBatch = hook;
    }

    /** Sweeps one job to its end (on the job thread). */
    private void run(String id) {
        SweepJob job;
        Working claimed;
        synchronized (records) { // a deletion from here on waits for this run to let go of the job's files
            job = jobs.get(id);
            if (job == null || job.status().isFinal() || deleted.contains(id)) {
                return;
            }
            claimed = new Working(id);
            working = claimed;
        }
        try {
            Optional<SweepResults.State> checkpoint = folders.checkpoint(id);
            if (checkpoint.isPresent() && "DONE".equals(checkpoint.get().status())) {
                // the service stopped after the sweep finished and before the job said so: its claims may not
                // all be recorded yet
                claims.record(job, folders.result(id, SweepResults.CLAIMABLE), this::stopIfDeleted);
                save(job.done(checkpoint.get().entriesDone(), now()));
                return;
            }
            String changed = rulesChangedUnder(id);
            if (changed != null) {
                interrupt(job, changed);
                return;
            }
            Ruleset ruleset = rulesets.current();
            claims.keep(ruleset); // in the register before any claim made under it
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
            claims.record(jobs.get(id), folders.result(id, SweepResults.CLAIMABLE), this::stopIfDeleted);
            save(jobs.get(id).done(summary.entries(), now()));
            log.info("Sweep {} done: {} entries, {} claims", id, summary.entries(), summary.claims());
        } catch (RulesChanged e) {
            SweepJob changed = jobs.get(id);
            if (changed != null) {
                interrupt(changed, e.getMessage());
            }
        } catch (cn.talentpolicy.register.DecisionRegister.UnavailableException e) {
            // the sweep is done but its claims are not all recorded: it stays RUNNING, and the next start
            // records the rest (from the claims already in the register) before it says DONE
            log.error("Sweep {}: its claims could not all be recorded in the decision register ({}); the job"
                    + " stays RUNNING and the next start records the rest", id, e.getMessage());
        } catch (Exception e) {
            if (deleted.contains(id) || jobs.get(id) == null) {
                log.info("Sweep {} stopped: it was deleted", id);
            } else if (stopping) {
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
            SweepJob failed = jobs.get(id);
            if (failed != null) {
                save(failed.failed(e.toString(), now()));
            }
        } finally {
            running = null;
            working = null;
            claimed.ended.countDown();
        }
    }

    /** The job the job thread is on, from the moment it takes it until it lets go of its files. */
    private static final class Working {
        final String id;
        final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

        Working(String id) {
            this.id = id;
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
        if (job != null) {
            save(job);
            log.info("Sweep {} stopped at {} entries; it resumes at the next start", id, job.done());
        }
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
        synchronized (records) {
            if (!deleted.contains(job.id())) {
                jobs.put(job.id(), job);
                store.save(job);
            }
        }
        return job;
    }

    /** Between two batches of claims recorded: a deleted or stopping job's claims go no further. */
    private void stopIfDeleted(String id) {
        if (stopping) {
            throw new IllegalStateException("the service is stopping");
        }
        if (deleted.contains(id)) {
            throw new IllegalStateException("the sweep was deleted");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private long copy(InputStream upload, Path target) throws IOException {
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = java.nio.channels.Channels.newOutputStream(DataDirectory.openPrivate(target,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            int read;
            while ((read = upload.read(buffer)) != -1) {
                data.reserve(read);
                bytes += read;
                if (bytes > properties.maxUploadBytes()) {
                    throw new UploadTooLargeException(properties.maxUploadBytes());
                }
                out.write(buffer, 0, read);
            }
        }
        return bytes;
    }

    /** The running sweep's progress: kept in memory after every batch, written to its row about once a second. */
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
            if (deleted.contains(id)) {
                throw new IllegalStateException("the sweep was deleted");
            }
            String serving = rulesets.current().version();
            if (!serving.equals(version)) {
                // the replaced ruleset is closed soon after a reload: the sweep cannot go on with it
                throw new RulesChanged(RulesChanged.reason(version, serving));
            }
            perSecond = elapsedNanos > 0 ? (done - doneBefore) / (elapsedNanos / 1e9) : 0;
            SweepJob job = jobs.computeIfPresent(id, (key, was) -> was.progressed(done));
            if (job != null && System.nanoTime() - saved >= SAVE_EVERY_NANOS) {
                synchronized (records) {
                    if (!deleted.contains(id)) {
                        store.save(job);
                    }
                }
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
