package cn.talentpolicy.api;

import cn.talentpolicy.sweeps.SweepJob;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A sweep job as the API shows it (the {@code SweepJob} schema): where it stands, how fast it goes, and where
 * its results are once there are some.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SweepJobResponse(String sweepId, SweepJob.Status status, LocalDate asOf, String format,
                        String rulesetVersion, Progress progress, Instant created, Instant started,
                        Instant finished, String reason, Results results) {

    /**
     * @param total       null until the sweep has counted the entries
     * @param percent     of the entries swept, one decimal; null while the total is unknown
     * @param perSecond   entries a second since the sweep started or resumed; only while it runs
     * @param secondsLeft at that rate; only while it runs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Progress(long done, Long total, Double percent, Double perSecond, Long secondsLeft) {

        static Progress of(SweepJob job, OptionalDouble rate) {
            Double percent = job.total() == null ? null : job.total() == 0 ? 100.0
                    : Math.round(1000.0 * job.done() / job.total()) / 10.0;
            if (job.status() != SweepJob.Status.RUNNING || rate.isEmpty()) {
                return new Progress(job.done(), job.total(), percent, null, null);
            }
            Long left = job.total() == null ? null
                    : Math.round(Math.max(0, job.total() - job.done()) / rate.getAsDouble());
            return new Progress(job.done(), job.total(), percent, Math.round(rate.getAsDouble() * 10) / 10.0, left);
        }
    }

    /** Where the result files are (paths on this service). */
    record Results(String summary, String summaryPage, String claimable, String rejects, String outcomes) {

        static Results of(String sweepId) {
            String base = SweepController.PATH + "/" + sweepId;
            return new Results(base + "/summary", base + "/summary.html", base + "/claimable", base + "/rejects",
                    base + "/outcomes");
        }
    }

    /** Every job, newest first (the {@code SweepJobList} schema). */
    record Listing(List<SweepJobResponse> sweeps) {
    }

    static SweepJobResponse of(SweepJob job, OptionalDouble rate, boolean hasResults) {
        return new SweepJobResponse(job.id(), job.status(), job.asOf(), job.format().name(), job.rulesetVersion(),
                Progress.of(job, rate), job.created(), job.started(), job.finished(), job.reason(),
                hasResults ? Results.of(job.id()) : null);
    }
}
