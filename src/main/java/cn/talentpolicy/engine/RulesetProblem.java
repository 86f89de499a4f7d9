package cn.talentpolicy.engine;

/**
 * One thing wrong with a rules folder, located for the policy writer: the file relative to the rules folder,
 * the line (0 when the problem is about the whole file) and a plain message.
 */
public record RulesetProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
