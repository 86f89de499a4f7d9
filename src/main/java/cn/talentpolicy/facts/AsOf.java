package cn.talentpolicy.facts;

import java.time.LocalDate;

/** The date every age and window of one evaluation is computed at. One per session, shared by its people. */
public record AsOf(LocalDate date) {
}
