package cn.talentpolicy.input;

/** The shapes of identifiers the inputs accept, shared by every DTO. */
public final class InputPatterns {

    public static final String REGION = "^\\d{6}$";
    public static final String REGION_MESSAGE = "must be a six-digit GB/T 2260 region code, like 370102";
    public static final String POLICY_ID = "^[a-z][a-z0-9_]*$";
    public static final String POLICY_ID_MESSAGE = "must be a policy id in snake_case, like jinan_rent_subsidy";
    public static final String ID = "^[A-Za-z0-9][A-Za-z0-9._:-]*$";
    public static final String ID_MESSAGE = "must be letters, digits and . _ : - (at most 64)";

    private InputPatterns() {
    }
}
