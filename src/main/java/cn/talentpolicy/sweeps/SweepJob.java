package cn.talentpolicy.sweeps;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A sweep run by the service ({@code job.json} in its folder, see {@link SweepJobs}): what was uploaded, for which
 * date, and how far the sweep has gone. Immutable: every change is a new value, written whole.
 *
 * @param total          entries in the population; null until the sweep starts and counts them
 * @param done           entries swept (persisted about once a second while running)
 * @param rulesetVersion the ruleset the sweep runs on; null until it starts
 * @param reason         why the job FAILED or was INTERRUPTED
 * @param region         the region it was made under: the uploading officer's. Only officers of that region or
 *                       one around it see the job (and auditors). A job made before sweeps had owners has none
 *                       on disk and counts as the province's.
 * @param madeBy         the name of the caller who uploaded it, for the record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepJob(String id, Status status, LocalDate asOf, Population.Format format, Instant created,
                       Instant started, Instant finished, Long total, long done, String rulesetVersion,
                       String reason, String region, String madeBy) {

    public SweepJob {
        region = region != null ? region : cn.talentpolicy.facts.Regions.SHANDONG;
    }

    public enum Status {
        /** Uploaded, waiting for the sweep before it to finish. */
        QUEUED,
        /** Being swept (or, on disk after a stop, to be resumed at the next start). */
        RUNNING,
        DONE,
        /** The sweep failed; {@code reason} says why. No results are offered. */
        FAILED,
        /**
         * Stopped for good because the rules changed under it: the results up to its last checkpoint are kept
         * and offered, and {@code reason} says what changed.
         */
        INTERRUPTED;

        /** Whether the job is over: it will not run again. */
        public boolean isFinal() {
            return this == DONE || this == FAILED || this == INTERRUPTED;
        }
    }

    static SweepJob queued(String id, LocalDate asOf, Population.Format format, Instant created, String region,
                           String madeBy) {
        return new SweepJob(id, Status.QUEUED, asOf, format, created, null, null, null, 0, null, null, region, madeBy);
    }

    /** Started (or started again after a restart: the first start time is kept). */
    SweepJob running(String version, Instant now) {
        return new SweepJob(id, Status.RUNNING, asOf, format, created, started == null ? now : started, null, total,
                done, version, null, region, madeBy);
    }

    SweepJob counted(long entries) {
        return new SweepJob(id, status, asOf, format, created, started, finished, entries, done, rulesetVersion,
                reason, region, madeBy);
    }

    SweepJob progressed(long entriesDone) {
        return new SweepJob(id, status, asOf, format, created, started, finished, total, entriesDone,
                rulesetVersion, reason, region, madeBy);
    }

    SweepJob done(long entries, Instant now) {
        return new SweepJob(id, Status.DONE, asOf, format, created, started, now, total, entries, rulesetVersion,
                null, region, madeBy);
    }

    SweepJob failed(String why, Instant now) {
        return new SweepJob(id, Status.FAILED, asOf, format, created, started, now, total, done, rulesetVersion,
                why, region, madeBy);
    }

    SweepJob interrupted(long entriesDone, String version, String why, Instant now) {
        return new SweepJob(id, Status.INTERRUPTED, asOf, format, created, started, now, total, entriesDone,
                version, why, region, madeBy);
    }
}
