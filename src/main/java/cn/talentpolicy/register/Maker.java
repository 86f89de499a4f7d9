package cn.talentpolicy.register;

/**
 * Who made a decision: the caller's name, the role the decision was made in ({@code officer}, {@code auditor},
 * {@code policy-admin}, or {@code public} for a caller who did not sign in), and the region it was made under
 * (an officer's own; for the public, the region of the person's employer). Only officers of that region, or of
 * one around it, and auditors read it.
 */
public record Maker(String name, String role, String region) {

    public static final String PUBLIC = "public";
}
