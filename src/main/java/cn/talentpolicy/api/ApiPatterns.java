package cn.talentpolicy.api;

/** The shapes of identifiers the API accepts, shared by every DTO. */
final class ApiPatterns {

    static final String REGION = "^\\d{6}$";
    static final String REGION_MESSAGE = "must be a six-digit GB/T 2260 region code, like 370102";
    static final String POLICY_ID = "^[a-z][a-z0-9_]*$";
    static final String POLICY_ID_MESSAGE = "must be a policy id in snake_case, like jinan_rent_subsidy";
    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._:-]*$";
    static final String ID_MESSAGE = "must be letters, digits and . _ : - (at most 64)";

    private ApiPatterns() {
    }
}
