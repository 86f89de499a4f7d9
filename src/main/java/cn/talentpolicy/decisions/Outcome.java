package cn.talentpolicy.decisions;

import java.util.Collection;

/** The answer of a policy (or of one part of it) for one person. */
public enum Outcome {
    ELIGIBLE, INELIGIBLE, NEEDS_INFO;

    /** Every criterion must pass: any FAIL is INELIGIBLE, otherwise any UNKNOWN is NEEDS_INFO. */
    public static Outcome allOf(Collection<Status> statuses) {
        if (statuses.contains(Status.FAIL)) {
            return INELIGIBLE;
        }
        return statuses.contains(Status.UNKNOWN) ? NEEDS_INFO : ELIGIBLE;
    }

    /** One criterion is enough (alternatives, like the routes to a tier): any PASS is ELIGIBLE. */
    public static Outcome anyOf(Collection<Status> statuses) {
        if (statuses.contains(Status.PASS)) {
            return ELIGIBLE;
        }
        return statuses.contains(Status.UNKNOWN) ? NEEDS_INFO : INELIGIBLE;
    }

    /** A policy with parts is ELIGIBLE when any part is, otherwise NEEDS_INFO when any part is. */
    public static Outcome ofParts(Collection<Outcome> parts) {
        if (parts.contains(ELIGIBLE)) {
            return ELIGIBLE;
        }
        return parts.contains(NEEDS_INFO) ? NEEDS_INFO : INELIGIBLE;
    }
}
