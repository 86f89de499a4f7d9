package cn.talentpolicy.sweeps;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.input.CanonicalJson;
import cn.talentpolicy.register.ChainCheck;
import cn.talentpolicy.register.DecisionRegister;
import cn.talentpolicy.register.Maker;
import cn.talentpolicy.register.Outcomes;
import cn.talentpolicy.register.RecordKind;
import cn.talentpolicy.register.RecordedDecision;
import cn.talentpolicy.register.TestDatabase;
import cn.talentpolicy.storage.DataDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service's sweeps without Spring: jobs on disk, one at a time, and above all a restart that loses nothing
 * (a crashed or stopped sweep resumes and ends with the very files of a sweep never interrupted) unless the
 * rules changed, when the job is INTERRUPTED with what it had so far.
 */
class SweepJobsTests {

    static final String QINGDAO = cn.talentpolicy.facts.Regions.QINGDAO;
    static final Population.Format JSONL = Population.Format.JSONL;

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    /** Batches of ten, so that the population below makes seven of them, with checkpoints in between. */
    static final SweepProperties SMALL_BATCHES = new SweepProperties(2, 10, 1 << 20);
    static final int PEOPLE = 60;
    static final byte[] POPULATION = TestPopulation.jsonl(PEOPLE, 7);
    static final List<String> COMPARED = List.of(SweepResults.CLAIMABLE, SweepResults.REJECTS, SweepResults.OUTCOMES,
            SweepResults.SUMMARY);

    static Ruleset rules;
    /** The same rules with one byte more in the changelog: another version. */
    static Ruleset changedRules;

    @TempDir
    Path data;
    @TempDir
    Path reference;

    final List<SweepJobs> services = new ArrayList<>();
    /** The service's database: outside the data directory, as a PostgreSQL server would be. */
    TestDatabase database;
    DecisionRegister register;

    @BeforeEach
    void openDatabase(@TempDir Path databaseFolder) {
        database = open(databaseFolder);
        register = database.register(CLOCK);
    }

    /** The embedded database; {@link PostgresSweepJobsTests} runs every test here on PostgreSQL. */
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }

    @BeforeAll
    static void loadRules(@TempDir Path copy) throws IOException {
        rules = RulesetLoader.load(TestRules.BUNDLED);
        TestRules.copyTo(copy);
        TestRules.append(copy, "CHANGELOG.md", "\n");
        changedRules = RulesetLoader.load(copy);
        assertThat(changedRules.version()).isNotEqualTo(rules.version());
    }

    @AfterAll
    static void closeRules() {
        rules.close();
        changedRules.close();
    }

    @AfterEach
    void stopServices() throws Exception {
        services.forEach(SweepJobs::close);
        database.close();
    }

    /** A service's sweep jobs on a data directory, with the test's database. */
    SweepJobs jobs(Path dataDir, RulesetHolder holder, SweepProperties properties, Clock clock) {
        SweepJobs jobs = new SweepJobs(DataDirectory.at(dataDir), new SweepJobStore(database.sql),
                new ClaimRecords(database.recorder(register, holder, DataDirectory.at(dataDir), clock)), holder,
                CertificationProperties.defaults(), properties, clock);
        services.add(jobs);
        return jobs;
    }

    @Test
    void aSweepCutShortByACrashIsResumedAtStartAndEndsWithTheFilesOfAnUninterruptedSweep() throws Exception {
        SweepJob job = service(new RulesetHolder(rules)).submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");
        SweepResults.State checkpoint = crashMidway(job);

        SweepJobs restarted = service(new RulesetHolder(rules));
        restarted.start();
        SweepJob done = awaitEnd(restarted, job.id());

        assertThat(done.status()).isEqualTo(SweepJob.Status.DONE);
        assertThat(done.done()).isEqualTo(done.total()).isEqualTo(PEOPLE + 1);
        assertThat(done.done()).isGreaterThan(checkpoint.entriesDone());
        assertSameFilesAsAnUninterruptedSweep(job.id());
    }

    /** A bureau moves its data directory (a new disk, another mount point) while a sweep is cut short. */
    @Test
    void aSweepCutShortIsResumedFromADataDirectoryMovedElsewhere() throws Exception {
        SweepJob job = service(new RulesetHolder(rules)).submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");
        crashMidway(job);
        Path moved = data.resolve("moved");
        Files.move(data.resolve("sweeps"), Files.createDirectories(moved).resolve("sweeps"));

        SweepJobs restarted = jobs(moved, new RulesetHolder(rules), SMALL_BATCHES, CLOCK);
        restarted.start();

        assertThat(awaitEnd(restarted, job.id()).status()).isEqualTo(SweepJob.Status.DONE);
        assertSameFilesAsAnUninterruptedSweep(moved, job.id());
    }

    @Test
    void aSweepStoppedByAShutdownStaysRunningOnDiskAndTheNextStartFinishesIt() throws Exception {
        SweepJobs first = service(new RulesetHolder(rules));
        CountDownLatch secondBatch = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        first.afterEachBatch(() -> {
            if (batches.incrementAndGet() == 2) {
                secondBatch.countDown();
                try {
                    new CountDownLatch(1).await(); // until the shutdown interrupts the sweep
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        first.start();
        SweepJob job = first.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");
        assertThat(secondBatch.await(60, TimeUnit.SECONDS)).isTrue();
        first.close();

        SweepJob onDisk = onDisk(job.id());
        assertThat(onDisk.status()).isEqualTo(SweepJob.Status.RUNNING);
        assertThat(onDisk.rulesetVersion()).isEqualTo(rules.version());
        SweepJobs second = service(new RulesetHolder(rules));
        second.start();
        assertThat(awaitEnd(second, job.id()).status()).isEqualTo(SweepJob.Status.DONE);
        assertSameFilesAsAnUninterruptedSweep(job.id());
    }

    @Test
    void aSweepWhoseRulesChangedWhileTheServiceWasDownIsInterruptedWithItsResultsSoFar() throws Exception {
        SweepJob job = service(new RulesetHolder(rules)).submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");
        SweepResults.State checkpoint = crashMidway(job);

        SweepJobs restarted = service(new RulesetHolder(changedRules));
        restarted.start();
        SweepJob interrupted = restarted.find(job.id()).orElseThrow();

        assertThat(interrupted.status()).isEqualTo(SweepJob.Status.INTERRUPTED);
        assertThat(interrupted.reason()).contains(rules.version(), changedRules.version());
        assertThat(interrupted.done()).isEqualTo(checkpoint.entriesDone());
        assertThat(interrupted.rulesetVersion()).isEqualTo(rules.version());
        assertThat(onDisk(job.id())).isEqualTo(interrupted);
        assertKeptUpToItsCheckpoint(restarted, interrupted, checkpoint);
    }

    @Test
    void aReloadDuringTheSweepInterruptsItWithItsResultsSoFar() throws Exception {
        RulesetHolder serving = new RulesetHolder(rules);
        SweepJobs jobs = service(serving);
        AtomicInteger batches = new AtomicInteger();
        jobs.afterEachBatch(() -> {
            if (batches.incrementAndGet() == 3) {
                serving.replace(changedRules); // what a reload does (the replaced rules are not closed here)
            }
        });
        jobs.start();
        SweepJob job = jobs.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");
        SweepJob interrupted = awaitEnd(jobs, job.id());

        assertThat(interrupted.status()).isEqualTo(SweepJob.Status.INTERRUPTED);
        assertThat(interrupted.reason()).contains(rules.version(), changedRules.version());
        SweepResults.State checkpoint = new JobFolders(data).checkpoint(job.id()).orElseThrow();
        assertThat(interrupted.done()).isEqualTo(checkpoint.entriesDone()).isLessThan(PEOPLE + 1);
        assertKeptUpToItsCheckpoint(jobs, interrupted, checkpoint);
    }

    @Test
    void jobsRunOneAtATimeInUploadOrderAndEachGetsItsOwnFolder() throws Exception {
        SweepJobs jobs = service(new RulesetHolder(rules));
        Set<String> runOrder = new LinkedHashSet<>();
        Set<Long> runningAtOnce = ConcurrentHashMap.newKeySet();
        jobs.afterEachBatch(() -> {
            List<SweepJob> running = jobs.list().stream()
                    .filter(j -> j.status() == SweepJob.Status.RUNNING).toList();
            runningAtOnce.add((long) running.size());
            running.forEach(j -> runOrder.add(j.id()));
        });
        jobs.start();
        SweepJob first = jobs.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");
        SweepJob second = jobs.submit(upload(), -1, JSONL, null, QINGDAO, "an officer");

        assertThat(second.asOf()).as("today where the clock is").isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(List.of(first.id(), second.id())).allMatch(id -> id.matches("sweep-[0-9a-f]{20}"))
                .doesNotHaveDuplicates();
        assertThat(awaitEnd(jobs, second.id()).status()).isEqualTo(SweepJob.Status.DONE);
        assertThat(jobs.find(first.id()).orElseThrow().status()).isEqualTo(SweepJob.Status.DONE);
        assertThat(runningAtOnce).containsExactly(1L);
        assertThat(runOrder).containsExactly(first.id(), second.id());
        assertThat(Files.readAllBytes(data.resolve("sweeps").resolve(first.id()).resolve("population.jsonl")))
                .isEqualTo(POPULATION);
    }

    @Test
    void anUploadOverTheLimitOrEmptyLeavesNothingOnDisk() throws Exception {
        SweepJobs jobs = service(new RulesetHolder(rules), new SweepProperties(2, 10, 1000));

        assertThatThrownBy(() -> jobs.submit(new ByteArrayInputStream(new byte[1001]), -1, JSONL,
                AS_OF, QINGDAO, "an officer")).isInstanceOf(SweepJobs.UploadTooLargeException.class);
        assertThatThrownBy(() -> jobs.submit(unreadable(), 5000, JSONL, AS_OF, QINGDAO, "an officer"))
                .as("a declared length over the limit is refused before reading")
                .isInstanceOf(SweepJobs.UploadTooLargeException.class);
        assertThatThrownBy(() -> jobs.submit(new ByteArrayInputStream(new byte[0]), -1, JSONL,
                AS_OF, QINGDAO, "an officer")).isInstanceOf(SweepJobs.EmptyUploadException.class);
        assertThat(jobFolders()).isEmpty();
        assertThat(jobs.list()).isEmpty();
    }

    @Test
    void aTextNotShapedLikeAnIdNamesNoJobAndReachesNoPath() throws Exception {
        SweepJobs jobs = service(new RulesetHolder(rules));
        SweepJob queued = jobs.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");

        assertThat(jobs.find(queued.id())).contains(queued);
        assertThat(jobs.find("../" + queued.id())).isEmpty();
        assertThat(jobs.find(queued.id().toUpperCase())).isEmpty();
        assertThat(jobs.find("sweep-00000000000000000000")).isEmpty();
        assertThat(jobs.hasResults(queued)).isFalse();
        assertThat(jobs.result(queued, SweepJobs.Result.SUMMARY)).isEmpty();
    }

    @Test
    void startRemovesUploadsThatNeverFinishedAndQueuesTheRest() throws Exception {
        SweepJob queued = service(new RulesetHolder(rules)).submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer");
        Path cutOff = Files.createDirectories(data.resolve("sweeps").resolve(JobFolders.newId()));
        Files.write(cutOff.resolve("population.jsonl"), "{\"personId\":".getBytes(StandardCharsets.UTF_8));

        SweepJobs restarted = service(new RulesetHolder(rules));
        restarted.start();

        assertThat(cutOff).doesNotExist();
        assertThat(awaitEnd(restarted, queued.id()).status()).isEqualTo(SweepJob.Status.DONE);
    }

    @Test
    void aFileThatIsNotUtf8FailsSayingSo() throws Exception {
        SweepJobs jobs = service(new RulesetHolder(rules));
        jobs.start();
        byte[] gbk = (TestPopulation.entry(1) + "\n{\"personId\": \"张三\"}\n").getBytes("GBK");
        SweepJob job = jobs.submit(new ByteArrayInputStream(gbk), -1, JSONL, AS_OF, QINGDAO, "an officer");

        SweepJob failed = awaitEnd(jobs, job.id());
        assertThat(failed.status()).isEqualTo(SweepJob.Status.FAILED);
        assertThat(failed.reason()).contains("not UTF-8");
        assertThat(jobs.hasResults(failed)).isFalse();
    }

    @Test
    void aDoneSweepsClaimsAreEachADecisionInTheRegisterMadeUnderTheJobsRegionWithTheDigestOfTheirEntry()
            throws Exception {
        SweepJobs jobs = service(new RulesetHolder(rules));
        jobs.start();
        SweepJob job = awaitEnd(jobs, jobs.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer").id());
        assertThat(job.status()).isEqualTo(SweepJob.Status.DONE);

        List<String> lines = Files.readAllLines(jobs.result(job, SweepJobs.Result.CLAIMABLE).orElseThrow());
        assertThat(lines).as("a population with claims").isNotEmpty();
        assertThat(register.count(job.id())).isEqualTo(lines.size());
        RecordedDecision last = register.latest(job.id(), RecordKind.SWEEP_CLAIM).orElseThrow();
        Claim claim = Sweep.JSON.readValue(lines.get(lines.size() - 1), Claim.class);
        assertThat(last.decision().personId()).isEqualTo(claim.personId());
        assertThat(last.decision().maker()).isEqualTo(new Maker("an officer", "officer", QINGDAO));
        assertThat(last.decision().rulesetVersion()).isEqualTo(rules.version());
        assertThat(last.decision().asOf()).isEqualTo(AS_OF);
        assertThat(last.decision().answer()).as("the claim itself, with its reasons").isEqualTo(lines.get(lines.size() - 1));
        assertThat(last.decision().input()).as("the entry stays in the population file").isNull();
        String entry = Files.readAllLines(new JobFolders(data).population(job.id(), JSONL)).stream()
                .filter(l -> l.contains("\"" + claim.personId() + "\"")).findFirst().orElseThrow();
        JsonNode read = Sweep.JSON.readTree(entry);
        cn.talentpolicy.evaluation.RequestSchema.withoutNulls(read);
        assertThat(last.decision().inputDigest()).isEqualTo(claim.inputDigest())
                .isEqualTo(CanonicalJson.digest(CanonicalJson.of(read)));
        assertThat(Outcomes.read(last.decision().outcomes())).singleElement()
                .satisfies(o -> assertThat(o.total()).isEqualByComparingTo(claim.total()));
        assertThat(ChainCheck.run(database.jdbc, database.transactions).intact()).isTrue();
    }

    @Test
    void aStopBetweenTheSweepsEndAndItsJobSayingSoRecordsTheClaimsNotYetRecordedAndNoneTwice() throws Exception {
        SweepJobs first = service(new RulesetHolder(rules));
        first.start();
        SweepJob done = awaitEnd(first, first.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer").id());
        long claims = register.count(done.id());
        first.close();
        // the job's row as a stop right after the sweep wrote its results leaves it
        new SweepJobStore(database.sql).save(new SweepJob(done.id(), SweepJob.Status.RUNNING, done.asOf(),
                done.format(), done.created(), done.started(), null, done.total(), done.done(),
                done.rulesetVersion(), null, done.region(), done.madeBy()));

        SweepJobs restarted = service(new RulesetHolder(rules));
        restarted.start();

        assertThat(awaitEnd(restarted, done.id()).status()).isEqualTo(SweepJob.Status.DONE);
        assertThat(register.count(done.id())).isEqualTo(claims);
    }

    @Test
    void aJobAnOlderVersionKeptInItsFolderMovesIntoTheDatabaseAtStart() throws Exception {
        SweepJobs first = service(new RulesetHolder(rules));
        first.start();
        SweepJob done = awaitEnd(first, first.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer").id());
        first.close();
        database.jdbc.update("delete from sweep_jobs");
        Path legacy = data.resolve("sweeps").resolve(done.id()).resolve("job.json");
        Files.write(legacy, Sweep.JSON.writeValueAsBytes(done));

        SweepJobs restarted = service(new RulesetHolder(rules));
        restarted.start();

        assertThat(restarted.find(done.id())).contains(done);
        assertThat(onDisk(done.id())).isEqualTo(done);
        assertThat(legacy).doesNotExist();
        assertThat(restarted.hasResults(done)).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void aSweepIsKeptForTheRetentionPeriodAfterItEndedAndThenDeletedWithEveryFile() throws Exception {
        SweepJobs jobs = service(new RulesetHolder(rules));
        jobs.start();
        String id = jobs.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer").id();
        assertThat(awaitEnd(jobs, id).status()).isEqualTo(SweepJob.Status.DONE);
        jobs.close();

        SweepJobs day89 = later(Duration.ofDays(89));
        assertThat(day89.deleteExpired()).isZero();
        assertThat(day89.find(id)).isPresent();
        day89.close();

        SweepJobs day91 = later(Duration.ofDays(91));
        assertThat(day91.deleteExpired()).isEqualTo(1);
        assertThat(day91.find(id)).isEmpty();
        assertThat(jobFolders()).isEmpty();
    }

    @Test
    void deletingARunningSweepStopsItAndLeavesNothingOfIt() throws Exception {
        SweepJobs jobs = service(new RulesetHolder(rules));
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch deleted = new CountDownLatch(1);
        jobs.afterEachBatch(() -> {
            midway.countDown();
            try {
                deleted.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        jobs.start();
        String id = jobs.submit(upload(), -1, JSONL, AS_OF, QINGDAO, "an officer").id();
        assertThat(midway.await(30, TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.CompletableFuture<Boolean> deleting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return jobs.delete(id);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        Thread.sleep(100); // the deletion waits for the sweep, which is held between two batches
        assertThat(deleting).as("still waiting for the sweep").isNotDone();
        deleted.countDown();
        assertThat(deleting.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs.delete(id)).as("a second deletion finds nothing").isFalse();
        assertThat(jobs.find(id)).isEmpty();
        assertThat(jobFolders()).as("nothing of it is left, nor written again after").isEmpty();
        Thread.sleep(200);
        assertThat(jobFolders()).isEmpty();
    }

    SweepJobs later(Duration after) throws IOException {
        SweepJobs jobs = jobs(data, new RulesetHolder(rules), SMALL_BATCHES, Clock.offset(CLOCK, after));
        jobs.start();
        return jobs;
    }

    SweepJobs service(RulesetHolder holder) {
        return service(holder, SMALL_BATCHES);
    }

    SweepJobs service(RulesetHolder holder, SweepProperties properties) {
        return jobs(data, holder, properties, CLOCK);
    }

    static InputStream upload() {
        return new ByteArrayInputStream(POPULATION);
    }

    static InputStream unreadable() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("a refused upload is not read");
            }
        };
    }

    /**
     * Leaves a queued job as a service killed mid-sweep leaves it: its row RUNNING, the sweep's last
     * checkpoint some batches in, and more written after it, ending in a torn line.
     */
    SweepResults.State crashMidway(SweepJob queued) throws Exception {
        JobFolders folders = new JobFolders(data);
        Path population = folders.population(queued.id(), JSONL);
        new SweepJobStore(database.sql).save(queued.running(rules.version(), CLOCK.instant())
                .counted(Population.count(population, JSONL)));
        AtomicInteger batches = new AtomicInteger();
        Sweep.Progress killedAtTheThirdBatch = (done, elapsed) -> {
            if (batches.incrementAndGet() == 1) {
                sleep(1100); // the results are checkpointed about once a second: the next batch will be
            }
            if (batches.get() == 3) {
                throw new IllegalStateException("killed");
            }
        };
        Path results = folders.results(queued.id());
        assertThatThrownBy(() -> sweep(rules).run(population, JSONL, results, false,
                killedAtTheThirdBatch)).hasMessage("killed");
        for (String file : List.of(SweepResults.CLAIMABLE, SweepResults.REJECTS, SweepResults.OUTCOMES)) {
            Files.writeString(results.resolve(file), "{\"personId\": \"P00", StandardOpenOption.APPEND);
        }
        SweepResults.State checkpoint = folders.checkpoint(queued.id()).orElseThrow();
        assertThat(checkpoint.status()).isEqualTo("RUNNING");
        assertThat(checkpoint.entriesDone()).as("a checkpoint midway").isPositive().isLessThan(PEOPLE + 1);
        assertThat(onDisk(queued.id()).status()).isEqualTo(SweepJob.Status.RUNNING);
        return checkpoint;
    }

    static Sweep sweep(Ruleset ruleset) {
        return new Sweep(ruleset, CertificationProperties.defaults().maxAgeDays(), new Sweep.Options(AS_OF, Shard.ALL,
                SMALL_BATCHES.threads(), SMALL_BATCHES.batchSize()));
    }

    void assertSameFilesAsAnUninterruptedSweep(String id) throws IOException {
        assertSameFilesAsAnUninterruptedSweep(data, id);
    }

    void assertSameFilesAsAnUninterruptedSweep(Path dataDirectory, String id) throws IOException {
        Path population = new JobFolders(dataDirectory).population(id, JSONL);
        SweepSummary uninterrupted = sweep(rules).run(population, JSONL, reference, false, null);
        assertThat(uninterrupted.claims()).as("a population with claims").isPositive();
        assertThat(uninterrupted.rejected()).isEqualTo(1);
        Path results = new JobFolders(dataDirectory).results(id);
        for (String file : COMPARED) {
            assertThat(results.resolve(file)).as(file).hasSameBinaryContentAs(reference.resolve(file));
        }
    }

    void assertKeptUpToItsCheckpoint(SweepJobs jobs, SweepJob interrupted, SweepResults.State checkpoint)
            throws IOException {
        assertThat(jobs.hasResults(interrupted)).isTrue();
        for (String file : List.of(SweepResults.CLAIMABLE, SweepResults.REJECTS, SweepResults.OUTCOMES)) {
            assertThat(Files.size(jobs.result(interrupted, result(file)).orElseThrow())).as(file)
                    .isEqualTo(checkpoint.lengths().get(file));
        }
        SweepSummary summary = Sweep.JSON.readValue(jobs.result(interrupted, SweepJobs.Result.SUMMARY).orElseThrow()
                .toFile(), SweepSummary.class);
        assertThat(summary).isEqualTo(checkpoint.counts());
        assertThat(summary.entries()).isEqualTo(interrupted.done());
        long claimLines = Files.readAllLines(jobs.result(interrupted, SweepJobs.Result.CLAIMABLE).orElseThrow()).size();
        assertThat(claimLines).isEqualTo(summary.claims());
        assertThat(jobs.result(interrupted, SweepJobs.Result.SUMMARY_PAGE).orElseThrow()).exists();
    }

    static SweepJobs.Result result(String file) {
        return switch (file) {
            case SweepResults.CLAIMABLE -> SweepJobs.Result.CLAIMABLE;
            case SweepResults.REJECTS -> SweepJobs.Result.REJECTS;
            default -> SweepJobs.Result.OUTCOMES;
        };
    }

    SweepJob onDisk(String id) throws IOException {
        return new SweepJobStore(database.sql).all().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    List<Path> jobFolders() throws IOException {
        Path root = data.resolve("sweeps");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.toList();
        }
    }

    static SweepJob awaitEnd(SweepJobs jobs, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        SweepJob job = jobs.find(id).orElseThrow();
        while (!job.status().isFinal() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = jobs.find(id).orElseThrow();
        }
        return job;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
