package cn.talentpolicy.facts;

import java.time.LocalDate;

/**
 * One degree the person holds. A null Boolean is unknown, except {@code overseas} (omitted means a domestic
 * degree) and the two flags that can only raise a rate, {@code doubleFirstClass} and {@code shortageMajor}
 * (omitted means no), as the catalogue's conventions say.
 */
public record Degree(DegreeLevel level, Boolean fullTime, LocalDate graduationDate, boolean overseas,
                     Boolean cscseCertified, boolean doubleFirstClass, boolean shortageMajor) {

    /** TRUE when the degree counts (full-time, or CSCSE-certified if overseas), null when that is unknown. */
    public Boolean counts() {
        return overseas ? cscseCertified : fullTime;
    }
}
