package cn.talentpolicy.rulesets;

import cn.talentpolicy.rulesets.ValidationReport.Finding;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates an uploaded rules folder in a JVM of its own, within a budget of time and memory: a rule that loops
 * or allocates without end fails that validation, naming the case it was running, and the service keeps serving
 * meanwhile. The rule vocabulary (checked before anything compiles) keeps uploaded rules from reaching files,
 * processes, threads or the network; what it cannot bound is how long and how much a rule works, which is
 * what the separate process is for. The child validates exactly as {@link RulesetValidator} does in-process, and
 * hands its report back as JSON.
 */
public final class IsolatedValidation {

    /** How long the child may take, and how much heap it has. */
    public record Budget(Duration time, int memoryMegabytes) {
    }

    /** What the child writes before each case, so that a case that never ends can be named. */
    private static final String CASE = "case ";
    /** The JVM's exit status after -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private IsolatedValidation() {
    }

    /** Validates {@code rulesDir} in a child JVM within {@code budget}; the report carries no compiled ruleset. */
    public static ValidationReport validate(Path rulesDir, Budget budget) throws IOException {
        Path work = Files.createTempDirectory("rules-validation-");
        Path out = work.resolve("report.json");
        Path err = work.resolve("progress.txt");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + budget.memoryMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
            command.addAll(launch());
            command.add(rulesDir.toAbsolutePath().toString());
            command.add(out.toString());
            Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile()).start();
            boolean finished;
            try {
                finished = child.waitFor(budget.time().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while validating", e);
            }
            if (!finished) {
                child.destroyForcibly().onExit().join();
                return failed(err, "did not finish within " + budget.time().toSeconds() + " s"
                        + " (a rule may loop without end)");
            }
            if (child.exitValue() == OUT_OF_MEMORY) {
                return failed(err, "ran out of its " + budget.memoryMegabytes() + " MB of memory"
                        + " (a rule may allocate without end)");
            }
            if (child.exitValue() != 0) {
                return failed(err, "stopped with status " + child.exitValue() + ": " + lastLines(err));
            }
            Report report = JSON.readValue(out.toFile(), Report.class);
            return new ValidationReport(report.rulesetVersion(), report.valid(), report.errors(), report.warnings(),
                    report.casesRun(), report.casesPassed(), null);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }
    }

    /**
     * The child: validates the folder named by the first argument, names each case on standard error before it
     * runs, and writes the report as JSON to the file named by the second (standard output has the libraries'
     * logging).
     */
    public static void main(String[] args) throws IOException {
        PrintStream progress = System.err;
        ValidationReport report = RulesetValidator.validate(Path.of(args[0]), c -> {
            progress.println(CASE + c.file() + ":" + c.line());
            progress.flush();
        });
        if (report.ruleset() != null) {
            report.ruleset().close();
        }
        JSON.writeValue(Path.of(args[1]).toFile(), new Report(report.rulesetVersion(), report.valid(),
                report.errors(), report.warnings(), report.casesRun(), report.casesPassed()));
        System.exit(0); // Drools may leave threads behind
    }

    /** The report as the child writes it. */
    private record Report(String rulesetVersion, boolean valid, List<Finding> errors, List<Finding> warnings,
                          int casesRun, int casesPassed) {
    }

    /**
     * How to start this class in a child JVM: on the class path the service runs with or, in the service's jar,
     * through Spring Boot's launcher, which finds the jar's own classes and libraries.
     */
    private static List<String> launch() {
        String classPath = System.getProperty("java.class.path");
        try {
            Class.forName(IsolatedValidation.class.getName(), false, ClassLoader.getSystemClassLoader());
            return List.of("-cp", classPath, IsolatedValidation.class.getName());
        } catch (ClassNotFoundException inJar) {
            return List.of("-cp", classPath, "-Dloader.main=" + IsolatedValidation.class.getName(), BOOT_LAUNCHER);
        }
    }

    /** A report of one error: the validation stopped, naming the case it was running when it did. */
    private static ValidationReport failed(Path progress, String what) throws IOException {
        String running = null;
        for (String line : Files.readAllLines(progress, StandardCharsets.UTF_8)) {
            if (line.startsWith(CASE)) {
                running = line.substring(CASE.length());
            }
        }
        Finding finding;
        if (running == null) {
            finding = new Finding(".", 0, "validating the rules " + what + " before any case ran");
        } else {
            int colon = running.lastIndexOf(':');
            finding = new Finding(running.substring(0, colon), Integer.parseInt(running.substring(colon + 1)),
                    "this case " + what + "; no later case ran");
        }
        return new ValidationReport(null, false, List.of(finding), List.of(), 0, 0, null);
    }

    private static String lastLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith(CASE)).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
