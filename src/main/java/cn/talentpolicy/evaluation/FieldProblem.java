package cn.talentpolicy.evaluation;

/**
 * One thing wrong with a request, named by its JSON path (for example {@code person.birthDate}). The message says
 * the rule the field broke; for a personal field it never repeats the value (a person's facts and a record's
 * contents do not belong in answers that gateways, proxies and portals may log).
 */
public record FieldProblem(String field, String message) {

    /**
     * Whether the field holds a person's data: anything of the person, the person's id (an ID number, as often
     * as not), or the records read about them.
     */
    public static boolean personal(String field) {
        return field.equals("person") || field.startsWith("person.") || field.startsWith("person[")
                || field.equals("personId") || field.startsWith("records");
    }
}
