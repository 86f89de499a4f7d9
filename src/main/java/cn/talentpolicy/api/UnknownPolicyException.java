package cn.talentpolicy.api;

/** GET /api/v1/policies/{id} for an id no loaded policy has: 404. */
class UnknownPolicyException extends RuntimeException {

    private final String policyId;

    UnknownPolicyException(String policyId) {
        super("No loaded policy has the id '" + policyId + "'");
        this.policyId = policyId;
    }

    String policyId() {
        return policyId;
    }
}
