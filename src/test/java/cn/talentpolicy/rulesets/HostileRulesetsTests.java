package cn.talentpolicy.rulesets;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.rulesets.ValidationReport.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Uploaded and reloaded rules are code that runs in the service. Each hostile ruleset here is the bundled rules
 * with one rule added to common/ (which fires for every person of every case): it is refused, naming the file and
 * the line of what it reached for, before anything in it is compiled or run; or, where only running it shows
 * the harm (a rule that works without end), it is stopped within its budget and the case it was running named.
 */
class HostileRulesetsTests {

    static final String FILE = "common/probe.drl";

    @TempDir
    Path rules;

    @TempDir
    Path scratch;

    ValidationReport report;

    @BeforeEach
    void copy() throws IOException {
        TestRules.copyTo(rules);
    }

    @AfterEach
    void close() {
        if (report != null && report.ruleset() != null) {
            report.ruleset().close();
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("file access, with its classes imported",
                        "import java.nio.file.Files;\nimport java.nio.file.Path;\n", "Subject( $pid : personId )",
                        "Files.writeString(Path.of(\"/tmp/probe\"), $pid);", "import java.nio.file.Files",
                        "java.nio.file.Files: outside the rule vocabulary"),
                arguments("file access, a fully qualified name that dodges imports", "", "Subject( $pid : personId )",
                        "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/probe\"), $pid);",
                        "java.nio.file.Files.writeString", "java.nio.file.Files is outside the rule vocabulary"),
                arguments("starting a process", "", "Subject( $pid : personId )",
                        "Runtime.getRuntime().exec(\"touch /tmp/probe\");", "Runtime.getRuntime()",
                        "Runtime is outside the rule vocabulary"),
                arguments("starting a process through ProcessBuilder", "", "Subject( $pid : personId )",
                        "new ProcessBuilder(\"touch\", \"/tmp/probe\").start();", "new ProcessBuilder",
                        "ProcessBuilder is outside the rule vocabulary"),
                arguments("reflection", "", "Subject( $pid : personId )",
                        "Object m = $pid.getClass().getMethods();", "getClass()",
                        "getClass(...) is not a member a rule may use"),
                arguments("class loading", "", "Subject( $pid : personId )",
                        "Object c = ClassLoader.getSystemClassLoader().loadClass(\"java.lang.Runtime\");",
                        "ClassLoader.getSystemClassLoader", "ClassLoader is outside the rule vocabulary"),
                arguments("class loading through a class literal", "", "Subject( $pid : personId )",
                        "Object c = String.class.getClassLoader();", "String.class",
                        "classes are not values in rules"),
                arguments("network", "", "Subject( $pid : personId )",
                        "new java.net.Socket(\"127.0.0.1\", 9);", "java.net.Socket",
                        "java.net.Socket is outside the rule vocabulary"),
                arguments("System.exit", "", "Subject( $pid : personId )", "System.exit(1);", "System.exit",
                        "System is outside the rule vocabulary"),
                arguments("threads", "", "Subject( $pid : personId )",
                        "new Thread(() -> System.exit(1)).start();", "new Thread",
                        "Thread is outside the rule vocabulary"),
                arguments("an executor's threads", "", "Subject( $pid : personId )",
                        "java.util.concurrent.Executors.newSingleThreadExecutor();", "Executors",
                        "java.util.concurrent.Executors is outside the rule vocabulary"),
                arguments("an endless loop", "", "Subject( $pid : personId )", "while (true) { }", "while (true)",
                        "loops are not in the rule vocabulary"),
                arguments("a huge array", "", "Subject( $pid : personId )",
                        "long[] huge = new long[Integer.MAX_VALUE - 8];", "new long[",
                        "rules do not make arrays"),
                arguments("file access from a condition (eval)", "",
                        "Subject( $pid : personId )\n    eval( java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(\"/tmp/probe\")) )",
                        "Verdicts.criterion(drools);", "eval(", "java.nio.file.Files is outside the rule vocabulary"),
                arguments("a process from a pattern's constraint", "",
                        "Subject( $pid : personId, Runtime.getRuntime().exec(\"touch /tmp/probe\") != null )",
                        "insert( new Age( $pid, 1 ) );", "Subject(", "Runtime is outside the rule vocabulary"),
                arguments("System.exit from a from expression", "",
                        "Subject( $pid : personId )\n    $x : Object() from System.getenv()",
                        "insert( new Age( $pid, 1 ) );", "from System", "System is outside the rule vocabulary"),
                arguments("a rule's metadata, which Drools evaluates when it compiles the rule", "",
                        "Subject( $pid : personId )", "insert( new Age( $pid, 1 ) );", "rule \"probe\"",
                        "a metadata value is a plain word, a number or quoted text"),
                arguments("the clock", "", "Subject( $pid : personId )",
                        "insert( new Age( $pid, java.time.LocalDate.now().getYear() ) );", "LocalDate.now",
                        "now(...) is not a member a rule may use: rules take the as-of date, never the clock"),
                arguments("code hidden in a string by unicode escapes, which Java reads before the string", "",
                        "Subject( $pid : personId )",
                        "String s = \"\\u0022; Runtime.getRuntime().exec(\\u0022touch /tmp/probe\\u0022); \\u0022\";",
                        "String s", "unicode escapes (\\u...) are not in the rule vocabulary"),
                arguments("the session behind drools", "", "Subject( $pid : personId )",
                        "drools.getKieRuntime().halt();", "drools.getKieRuntime",
                        "drools is only handed to Verdicts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String what, String imports, String when, String then, String marker, String message)
            throws IOException {
        String metadata = what.startsWith("a rule's metadata")
                ? "@source(java.lang.System.setProperty(\"talent.probe\", \"ran\"))" : "@source(\"a hostile upload\")";
        probe(imports, metadata, when, then);
        report = RulesetValidator.validate(rules);
        assertThat(report.valid()).isFalse();
        assertThat(report.ruleset()).as("nothing was compiled").isNull();
        assertThat(report.errors()).first().satisfies(f -> {
            assertThat(f.file()).isEqualTo(FILE);
            assertThat(f.line()).isEqualTo(lineOf(marker));
            assertThat(f.message()).contains(message);
        });
        assertThat(System.getProperty("talent.probe")).isNull();
    }

    @Test
    void aFunctionThatReachesOutIsRefusedAtItsLine() throws IOException {
        Files.writeString(rules.resolve(FILE), """
                package rules.common;

                function String home() {
                    return System.getProperty("user.home");
                }
                """);
        report = RulesetValidator.validate(rules);
        assertThat(report.errors()).containsExactly(new Finding(FILE, 4,
                "System is outside the rule vocabulary (rules/README.md, \"What a rule may use\")"));
    }

    @Test
    void aFunctionThatRecursesIsRefused() throws IOException {
        Files.writeString(rules.resolve(FILE), """
                package rules.common;

                function int down(int n) {
                    return n == 0 ? 0 : down(n - 1);
                }
                """);
        report = RulesetValidator.validate(rules);
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(FILE);
            assertThat(f.message()).contains("down → down").contains("do not recurse");
        });
    }

    @Test
    void theProbeWritesNoFile() throws IOException {
        Path target = scratch.resolve("written-by-a-rule.txt");
        probe("", "@source(\"a hostile upload\")", "Subject( $pid : personId )",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + target + "\"), $pid);");
        report = IsolatedValidation.validate(rules, new IsolatedValidation.Budget(Duration.ofSeconds(120), 384));
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).first().extracting(Finding::file, Finding::line)
                .containsExactly(FILE, lineOf("java.nio.file.Files"));
        assertThat(target).doesNotExist();
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedAndItsCaseNamed() throws IOException {
        // each firing makes a fact the rule matches again: the engine's firing limit stops every case
        Files.writeString(rules.resolve(FILE), """
                package rules.common;

                import cn.talentpolicy.facts.Subject;
                import cn.talentpolicy.decisions.Text;

                rule "probe: a seed"
                    @policy(common) @reasonCode(PROBE_SEED) @source("a hostile upload")
                when
                    Subject( $pid : personId )
                then
                    insert( new Text( $pid, "" ) );
                end

                rule "probe: and another, for ever"
                    @policy(common) @reasonCode(PROBE) @source("a hostile upload")
                when
                    $t : Text()
                then
                    insert( new Text( $t.zh(), $t.en() ) );
                end
                """);
        report = RulesetValidator.validate(rules);
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).hasSize(report.casesRun()).allSatisfy(f -> {
            assertThat(f.file()).matches("[a-z_]+/tests/.+\\.yaml");
            assertThat(f.line()).isPositive();
            assertThat(f.message()).contains("a rule loops");
        });
    }

    @Test
    void aRuleThatWorksWithoutEndIsStoppedByItsTimeBudget() throws IOException {
        // a pattern that backtracks for hours: one call that does not return, which no firing limit sees
        probe("", "@source(\"a hostile upload\")", "Subject( $pid : personId )",
                "boolean b = \"a\".repeat(47).concat(\"b\").matches(\"(.*a){12}\");");
        long start = System.nanoTime();
        report = IsolatedValidation.validate(rules, new IsolatedValidation.Budget(Duration.ofSeconds(25), 384));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).matches("[a-z_]+/tests/.+\\.yaml");
            assertThat(f.line()).isPositive();
            assertThat(f.message()).contains("did not finish within 25 s");
        });
    }

    @Test
    void aRuleThatAllocatesWithoutEndIsStoppedByItsMemoryBudget() throws IOException {
        probe("", "@source(\"a hostile upload\")", "Subject( $pid : personId )",
                "String huge = $pid.repeat(400_000_000 / $pid.length());");
        report = IsolatedValidation.validate(rules, new IsolatedValidation.Budget(Duration.ofSeconds(120), 256));
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.file()).matches("[a-z_]+/tests/.+\\.yaml");
            assertThat(f.message()).contains("ran out of its 256 MB of memory");
        });
    }

    @Test
    void theBundledRulesPassTheSameInTheirOwnJvm() throws IOException {
        ValidationReport inProcess = RulesetValidator.validate(rules);
        inProcess.ruleset().close();
        report = IsolatedValidation.validate(rules, new IsolatedValidation.Budget(Duration.ofSeconds(120), 384));
        assertThat(report.valid()).isTrue();
        assertThat(report).usingRecursiveComparison().ignoringFields("ruleset").isEqualTo(inProcess);
    }

    @Test
    void anArchiveInsideTheArchiveIsRefused() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(inner)) {
            zip.putNextEntry(new ZipEntry("common/probe.drl"));
            zip.write("package rules.common;".getBytes());
        }
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(outer)) {
            zip.putNextEntry(new ZipEntry("rules/common/decisions.drl"));
            zip.write(Files.readAllBytes(rules.resolve("common/decisions.drl")));
            zip.putNextEntry(new ZipEntry("rules/common/more-rules.zip"));
            zip.write(inner.toByteArray());
        }
        assertThatThrownBy(() -> RulesetArchive.extract(new ByteArrayInputStream(outer.toByteArray()),
                Files.createDirectory(scratch.resolve("unpacked"))))
                .isInstanceOf(RulesetArchive.BadArchiveException.class)
                .hasMessageContaining("rules/common/more-rules.zip is not a rules file");
    }

    private void probe(String imports, String metadata, String when, String then) throws IOException {
        Files.writeString(rules.resolve(FILE), """
                package rules.common;

                %simport cn.talentpolicy.facts.*;
                import cn.talentpolicy.engine.Verdicts;

                rule "probe"
                    @policy(common) @reasonCode(PROBE) %s
                when
                    %s
                then
                    %s
                end
                """.formatted(imports, metadata, when, then));
    }

    private int lineOf(String marker) throws IOException {
        List<String> lines = Files.readAllLines(rules.resolve(FILE));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(marker + " is not in " + FILE);
    }
}
