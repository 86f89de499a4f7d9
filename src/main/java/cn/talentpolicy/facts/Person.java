package cn.talentpolicy.facts;

import java.time.LocalDate;

/** Who the person is. A null field is unknown. */
public record Person(String personId, LocalDate birthDate, Nationality nationality, String hukouRegion)
        implements PersonFact {
}
