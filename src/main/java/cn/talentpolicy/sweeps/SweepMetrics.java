package cn.talentpolicy.sweeps;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The running sweep's progress on the metrics endpoint: {@code talent_sweep_entries_done} and
 * {@code talent_sweep_entries_total} (0 when no sweep runs, total 0 until counted), and the jobs by status.
 */
@Component
class SweepMetrics {

    SweepMetrics(SweepJobs jobs, MeterRegistry registry) {
        Gauge.builder("talent.sweep.entries.done", jobs, j -> j.progress().map(SweepJobs.Progress::done).orElse(0L))
                .description("Entries swept by the running sweep").register(registry);
        Gauge.builder("talent.sweep.entries.total", jobs, j -> j.progress().map(SweepJobs.Progress::total).orElse(0L))
                .description("Entries in the running sweep's population").register(registry);
        for (SweepJob.Status status : SweepJob.Status.values()) {
            Gauge.builder("talent.sweep.jobs", jobs, j -> j.list().stream().filter(job -> job.status() == status)
                    .count()).tag("status", status.name()).description("Sweep jobs by status").register(registry);
        }
    }
}
