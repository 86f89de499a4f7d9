package cn.talentpolicy.api;

/** A sweep id that names no job (or is not shaped like one): 404. */
class UnknownSweepException extends RuntimeException {

    UnknownSweepException(String sweepId) {
        super("No sweep has the id '" + sweepId + "'");
    }
}
