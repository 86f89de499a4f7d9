package cn.talentpolicy.security;

import java.util.Set;

/**
 * The authorities a caller may hold, as the contract's {@code x-roles} names them. A caller with none of them
 * is the public: the checker page, evaluations, the policy listing and the health probes.
 */
public final class Roles {

    /** A bureau's staff: certifications and sweeps, within the caller's region. */
    public static final String OFFICER = "officer";
    /** Ruleset reload and validation. */
    public static final String POLICY_ADMIN = "policy-admin";
    /** Read-only access to what officers made, across regions; metrics. */
    public static final String AUDITOR = "auditor";

    public static final Set<String> ALL = Set.of(OFFICER, POLICY_ADMIN, AUDITOR);

    private Roles() {
    }
}
