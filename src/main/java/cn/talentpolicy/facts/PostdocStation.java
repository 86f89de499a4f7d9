package cn.talentpolicy.facts;

import java.time.LocalDate;

/** A postdoctoral station stay (an event record); {@code exitDate == null} means still in station. */
public record PostdocStation(String personId, LocalDate entryDate, LocalDate exitDate, String region)
        implements PersonFact {
}
