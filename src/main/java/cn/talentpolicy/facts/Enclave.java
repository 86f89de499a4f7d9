package cn.talentpolicy.facts;

/** A talent enclave (人才飞地) the person works at: the parent employer's region and whether it is recognised. */
public record Enclave(String parentEmployerRegion, boolean recognised) {
}
