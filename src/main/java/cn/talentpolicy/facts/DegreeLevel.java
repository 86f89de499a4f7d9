package cn.talentpolicy.facts;

/** Degree levels, highest first; {@link #rank()} grows with the level. */
public enum DegreeLevel {
    DOCTORATE(4), MASTER(3), BACHELOR(2), JUNIOR_COLLEGE(1);

    private final int rank;

    DegreeLevel(int rank) { this.rank = rank; }

    public int rank() { return rank; }

    public boolean isAtLeast(DegreeLevel other) { return rank >= other.rank; }
}
