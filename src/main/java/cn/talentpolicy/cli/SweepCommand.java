package cn.talentpolicy.cli;

import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.sweeps.Population;
import cn.talentpolicy.sweeps.Shard;
import cn.talentpolicy.sweeps.Sweep;
import cn.talentpolicy.sweeps.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Policy finds people: evaluates every policy for every person of a population file (JSON Lines "
                + "or CSV in the record format of the certification API) and writes, in the results folder, the "
                + "claims nobody has made yet (claimable.jsonl), the entries that could not be read (rejects.jsonl), "
                + "every person's standing (outcomes.tsv) and a summary (summary.json, summary.html).",
                "Exit status 0 when the sweep is done (rejected entries included), 1 when it stopped, 2 on bad options."})
class SweepCommand implements Callable<Integer> {

    @Option(names = "--population", required = true, description = "the population file (.jsonl, or .csv)")
    Path population;

    @Option(names = "--as-of", description = "the date to evaluate at (default: today in Asia/Shanghai)")
    LocalDate asOf;

    @Option(names = "--out", required = true, description = "the results folder (empty, or this sweep's with --resume)")
    Path out;

    @Option(names = "--shard", converter = ShardConverter.class,
            description = "INDEX/COUNT: sweep only this share of the people, like 3/8 (0-based)")
    Shard shard = Shard.ALL;

    @Option(names = "--resume", description = "continue the interrupted sweep in --out from its last checkpoint (if it finished, leave it)")
    boolean resume;

    @Option(names = "--rules", defaultValue = "rules", description = "the rules folder (default: ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--threads", description = "worker threads (default: one per core)")
    Integer threads;

    @Option(names = "--batch", defaultValue = "" + Sweep.Options.DEFAULT_BATCH, description = "people per rule session (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws Exception {
        if (!java.nio.file.Files.isRegularFile(population)) {
            System.err.println(population + ": no such file");
            return 2;
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Population.Format format = Population.Format.of(population);
        long total = Population.count(population, format);
        try (Ruleset ruleset = RulesetLoader.load(rules)) {
            Sweep.Options options = new Sweep.Options(date, shard,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(), batch);
            ProgressBar progress = new ProgressBar(total, System.console() != null);
            SweepSummary summary;
            try {
                summary = new Sweep(ruleset, CertificationProperties.defaults().maxAgeDays(), options)
                        .run(population, format, out, resume, progress);
            } catch (IllegalStateException e) {
                progress.end();
                System.err.println(e.getMessage());
                return 1;
            }
            progress.end();
            String totals = (shard.equals(Shard.ALL) ? "" : String.format("shard %s holds %,d of the entries: ", shard,
                    summary.entries())) + String.format("%,d people evaluated, %,d rejected; %,d people can newly"
                            + " claim %,d subsidies worth %s CNY. Results in %s", summary.people(), summary.rejected(),
                    summary.claimants(), summary.claims(), summary.amount().toPlainString(), out);
            if (!progress.started()) {
                System.err.println("nothing to resume: this sweep is finished. " + totals);
            } else {
                System.err.printf("swept %,d entries in %.1f s (%,.0f a second, peak memory %s)%s: %s%n",
                        progress.swept(), progress.seconds(), progress.rate(), peakMemory(),
                        progress.before() > 0 ? String.format(", resuming after %,d", progress.before()) : "", totals);
            }
            return 0;
        }
    }

    /** The process's peak resident set (Linux), as operators size machines by it. */
    static String peakMemory() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%,d MB", kb / 1024);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: not known
        }
        return "unknown";
    }

    /** {@code --shard 3/8}, or the usage error that says how to write it (exit status 2). */
    static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String text) {
            try {
                return Shard.parse(text);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
