package cn.talentpolicy.rulesets;

import cn.talentpolicy.engine.Ruleset;

import java.util.List;

/**
 * What validating a rules folder found. {@code errors} make the folder unfit to serve (it does not compile,
 * a rule lacks its metadata, a parameter is missing or has no value in the policy's life, a case fails);
 * {@code warnings} are gaps to close (a reason code no case produces, a policy without cases).
 * {@code ruleset} is the compiled ruleset when it compiled (not serialised; the caller closes or serves it).
 */
public record ValidationReport(String rulesetVersion, boolean valid, List<Finding> errors, List<Finding> warnings,
                               int casesRun, int casesPassed, @com.fasterxml.jackson.annotation.JsonIgnore Ruleset ruleset) {

    /** A problem located in the rules folder: file relative to it, line (0: the whole file), message. */
    public record Finding(String file, int line, String message) {

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    /** The report as a policy writer reads it in a terminal. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        errors.forEach(f -> out.append("ERROR   ").append(f).append('\n'));
        warnings.forEach(f -> out.append("WARNING ").append(f).append('\n'));
        out.append(valid ? "VALID" : "INVALID").append(": ").append(errors.size()).append(" error(s), ")
                .append(warnings.size()).append(" warning(s); ").append(casesPassed).append(" of ")
                .append(casesRun).append(" policy cases passed");
        if (rulesetVersion != null) {
            out.append("; ruleset ").append(rulesetVersion);
        }
        return out.toString();
    }
}
