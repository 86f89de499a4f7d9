package cn.talentpolicy.api;

import cn.talentpolicy.sweeps.SweepJob;

/** Results asked of a sweep that has none (yet): 409, saying where the job stands. */
class SweepNotFinishedException extends RuntimeException {

    SweepNotFinishedException(SweepJob job) {
        super("Sweep " + job.id() + " is " + job.status() + (job.status() == SweepJob.Status.FAILED
                ? " and has no results: " + job.reason()
                : ": its results are ready when it is DONE (GET /api/v1/sweeps/" + job.id() + " says how far it is)"));
    }
}
