package cn.talentpolicy.evaluation;

/** One thing wrong with a request, named by its JSON path (for example {@code person.birthDate}). */
public record FieldProblem(String field, String message) {
}
