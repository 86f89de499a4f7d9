package cn.talentpolicy.cli;

import cn.talentpolicy.sweeps.Population;
import cn.talentpolicy.sweeps.PopulationGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic Shandong population as a population file (api-spec/population.md), for "
                + "trying sweeps at scale. The same seed, as-of date and bad rate give the same file, byte for byte.",
                "Prints one line to stderr: people, bad entries, bytes, seconds. Exit status 0, 1 when the file "
                        + "cannot be written, 2 for a wrong option."})
class GenerateCommand implements Callable<Integer> {

    /** Dates default to today where the policies apply. */
    static final ZoneId SHANDONG = ZoneId.of("Asia/Shanghai");

    @Spec
    CommandSpec spec;

    @Option(names = "--people", required = true, description = "how many people (ids P0000001, P0000002, ...)")
    long people;

    @Option(names = "--seed", defaultValue = "1", description = "the seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--as-of", description = "the date the records are as of, YYYY-MM-DD (default: today in "
            + "Asia/Shanghai)")
    String asOf;

    @Option(names = "--bad-rate", defaultValue = "0", description = "the share of entries spoilt on purpose, "
            + "0 to 1 (default: ${DEFAULT-VALUE})")
    double badRate;

    @Option(names = "--format", description = "jsonl or csv (default: from the --out extension, .csv is CSV; "
            + "jsonl on standard output)")
    String format;

    @Option(names = "--out", description = "the file to write (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        if (people < 0) {
            throw new ParameterException(spec.commandLine(), "--people cannot be negative: " + people);
        }
        if (!(badRate >= 0 && badRate <= 1)) {
            throw new ParameterException(spec.commandLine(), "--bad-rate is a share from 0 to 1, not " + badRate);
        }
        LocalDate date;
        try {
            date = asOf == null ? LocalDate.now(SHANDONG) : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--as-of is a date in YYYY-MM-DD form, not " + asOf);
        }
        Population.Format chosen = format == null
                ? (out == null ? Population.Format.JSONL : Population.Format.of(out)) : switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl" -> Population.Format.JSONL;
            case "csv" -> Population.Format.CSV;
            default -> throw new ParameterException(spec.commandLine(), "--format is jsonl or csv, not " + format);
        };
        long started = System.nanoTime();
        PopulationGenerator.Summary summary;
        String where = out == null ? "standard output" : out.toString();
        try {
            if (out == null) { // standard output is flushed, not closed
                OutputStream stdout = new BufferedOutputStream(System.out, 1 << 20);
                summary = new PopulationGenerator(seed, date, badRate).write(people, stdout, chosen);
                stdout.flush();
            } else {
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
                    summary = new PopulationGenerator(seed, date, badRate).write(people, file, chosen);
                }
            }
        } catch (IOException e) {
            System.err.println(where + ": cannot be written: " + e.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "%s: %d people, %d bad entries, %d bytes, %.1f s (%s, seed %d, as of %s, "
                        + "bad rate %s)%n", where, summary.people(), summary.badEntries(), summary.bytes(), seconds,
                chosen.name().toLowerCase(Locale.ROOT), seed, date, badRate);
        return 0;
    }
}
