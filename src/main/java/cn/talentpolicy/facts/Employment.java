package cn.talentpolicy.facts;

import java.time.LocalDate;

/**
 * The person's current employment. A null field is unknown; {@code enclave}, {@code specialZone} and
 * {@code dualRegistration} can only widen eligibility, so omitted means none.
 */
public record Employment(String personId, String employerRegion, EmployerType employerType, Boolean onEstablishment,
                         LocalDate startDate, Integer contractYears, SpecialZone specialZone, Enclave enclave,
                         boolean dualRegistration) implements PersonFact {

    /** True when the person works at a talent enclave that the registry recognises. */
    public boolean atRecognisedEnclave() {
        return enclave != null && enclave.recognised() && enclave.parentEmployerRegion() != null;
    }
}
