package cn.talentpolicy.cli;

import cn.talentpolicy.rulesets.RulesetValidator;
import cn.talentpolicy.rulesets.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a rules folder: every DRL compiles, every rule has its metadata, every parameter "
                + "exists with a value through the policy's life, every policy has cases, every case passes, "
                + "every reason code is produced by a case.",
                "Exit status 0 when there is no error, 1 when there is, 2 when the folder cannot be read."})
class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "rules", description = "the rules folder (default: ${DEFAULT-VALUE})")
    Path rules;

    @Override
    public Integer call() {
        if (!Files.isDirectory(rules)) {
            System.err.println(rules + ": not a folder");
            return 2;
        }
        ValidationReport report = RulesetValidator.validate(rules);
        if (report.ruleset() != null) {
            report.ruleset().close();
        }
        System.out.println(report.describe());
        return report.valid() ? 0 : 1;
    }
}
