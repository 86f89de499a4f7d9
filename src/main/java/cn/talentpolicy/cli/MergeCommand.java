package cn.talentpolicy.cli;

import cn.talentpolicy.sweeps.SweepMerge;
import cn.talentpolicy.sweeps.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the results folders of a population's shards (sweep --shard I/N on N machines) into "
                + "one: the summaries added up, claims, rejects and outcomes one after the other.",
                "Exit status 0 when merged, 1 when the folders are not shards of one finished sweep."})
class MergeCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "the merged results folder")
    Path out;

    @Parameters(arity = "1..*", description = "the shards' results folders")
    List<Path> shards;

    @Override
    public Integer call() throws Exception {
        try {
            SweepSummary summary = SweepMerge.merge(shards, out);
            System.err.printf("merged %d shards%s: %,d entries, %,d people can newly claim %,d subsidies worth %s CNY."
                            + " Results in %s%n", shards.size(),
                    summary.shards().isEmpty() ? " (the whole population)" : " (not all: " + summary.shards() + ")",
                    summary.entries(), summary.claimants(), summary.claims(), summary.amount().toPlainString(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
