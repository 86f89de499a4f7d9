package cn.talentpolicy.facts;

/**
 * The person works at a recognised talent enclave and is treated as employed (and insured) in the parent
 * employer's region. {@code enclaveRegion} is where the enclave actually is.
 */
public record EnclaveTreatment(String personId, String parentRegion, String enclaveRegion) implements DerivedFact {
}
