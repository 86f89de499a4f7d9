package cn.talentpolicy.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rules folder that cannot be loaded, with every problem found in it. */
public class RulesetException extends RuntimeException {

    private final transient List<RulesetProblem> problems;

    public RulesetException(List<RulesetProblem> problems) {
        super("The rules folder has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
