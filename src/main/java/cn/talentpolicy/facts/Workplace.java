package cn.talentpolicy.facts;

/**
 * Where the person counts as employed and insured for the policies, after the enclave rule. A null region is
 * unknown. {@code viaEnclave} tells that the enclave rule put the person there.
 */
public record Workplace(String personId, String employerRegion, String insuranceRegion, EmployerType employerType,
                        boolean dualRegistration, boolean viaEnclave) implements DerivedFact {

    /** Employed and insured where the records say: no enclave rule applies. */
    public static Workplace of(Employment employment, SocialInsurance insurance) {
        return new Workplace(employment.personId(), employment.employerRegion(), insurance.region(),
                employment.employerType(), employment.dualRegistration(), false);
    }

    /**
     * Under the enclave rule: employed in the parent employer's region, and insurance paid where the enclave
     * is (same city) counts as paid in that region.
     */
    public static Workplace underEnclave(EnclaveTreatment treatment, Employment employment, SocialInsurance insurance) {
        String insured = insurance.region();
        String enclave = treatment.enclaveRegion();
        if (insured != null && enclave != null && Regions.inCity(insured, enclave.substring(0, 4) + "00")) {
            insured = treatment.parentRegion();
        }
        return new Workplace(employment.personId(), treatment.parentRegion(), insured, employment.employerType(),
                employment.dualRegistration(), true);
    }
}
