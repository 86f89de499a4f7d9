package cn.talentpolicy.cli;

import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.sweeps.Population;
import cn.talentpolicy.sweeps.Resweep;
import cn.talentpolicy.sweeps.Shard;
import cn.talentpolicy.sweeps.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "resweep", mixinStandardHelpOptions = true,
        description = {"Re-sweeps only what changed: evaluates the people of a changes file (changed or new people, in "
                + "the population format) and carries everyone else over from a previous sweep's results, writing "
                + "the results a full sweep would give plus changes.jsonl (who became eligible, who stopped being).",
                "Exit status 0 when done, 1 when the previous sweep cannot be built on, 2 on bad options."})
class ResweepCommand implements Callable<Integer> {

    @Option(names = "--previous", required = true, description = "the previous sweep's results folder")
    Path previous;

    @Option(names = "--changes", required = true, description = "the changed and new people (.jsonl or .csv)")
    Path changes;

    @Option(names = "--as-of", required = true, description = "the date (the previous sweep's)")
    LocalDate asOf;

    @Option(names = "--out", required = true, description = "the new results folder (empty)")
    Path out;

    @Option(names = "--shard", converter = SweepCommand.ShardConverter.class,
            description = "INDEX/COUNT, when the previous sweep was a shard (like 3/8)")
    Shard shard = Shard.ALL;

    @Option(names = "--rules", defaultValue = "rules", description = "the rules folder (default: ${DEFAULT-VALUE})")
    Path rules;

    @Override
    public Integer call() throws Exception {
        try (Ruleset ruleset = RulesetLoader.load(rules)) {
            Resweep.Result result = new Resweep(ruleset, CertificationProperties.defaults().maxAgeDays(),
                    Sweep.Options.of(asOf, shard)).run(previous, changes, Population.Format.of(changes), out, null);
            System.err.printf("re-swept %,d changed people: %,d (person, policy) pairs newly eligible, %,d no longer;"
                            + " now %,d people can newly claim %,d subsidies worth %s CNY. Results in %s%n",
                    result.evaluated(), result.newlyEligible(), result.noLongerEligible(), result.summary().claimants(),
                    result.summary().claims(), result.summary().amount().toPlainString(), out);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
