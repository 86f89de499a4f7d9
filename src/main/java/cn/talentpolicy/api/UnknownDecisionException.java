package cn.talentpolicy.api;

/** A decision id the register does not hold, or holds under a region the caller may not see: 404. */
class UnknownDecisionException extends RuntimeException {

    private final String field;

    UnknownDecisionException(String decisionId, String field) {
        super("No decision has the id '" + decisionId + "'");
        this.field = field;
    }

    String field() {
        return field;
    }
}
