package cn.talentpolicy.rulesets;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.storage.DataDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hot reload that cannot break the service. A new ruleset (the rules folder changed, or an admin asked) is
 * compiled and its policy cases run before it replaces the live one in one atomic swap; a ruleset with any
 * error is refused with its report and the last good one keeps serving. Requests in flight keep the ruleset
 * they started with: the replaced ruleset is closed only {@code talent.rules-retire-seconds} (default 60) later.
 * Every attempt is appended to {@code <data-dir>/rulesets/history.jsonl}.
 */
@Service
public class RulesetReloader {

    /** What one reload attempt did. */
    public record Attempt(Instant at, String trigger, String candidateVersion, boolean accepted,
                          String servingVersion, ValidationReport report) {
    }

    /** One line of the history file. */
    public record HistoryLine(Instant at, String trigger, String candidateVersion, boolean accepted, String servingVersion,
                       int errors, int warnings, List<String> firstErrors) {
    }

    private static final Logger log = LoggerFactory.getLogger(RulesetReloader.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final RulesetHolder holder;
    private final Path rulesDir;
    private final Path history;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final int retireSeconds;
    private String lastSeen;

    public RulesetReloader(RulesetHolder holder, @Value("${talent.rules-dir:rules}") Path rulesDir,
                           @Value("${talent.data-dir:data}") Path dataDir,
                           @Value("${talent.rules-watch-seconds:2}") int watchSeconds,
                           @Value("${talent.rules-retire-seconds:60}") int retireSeconds, Clock clock) {
        this.holder = holder;
        this.rulesDir = rulesDir;
        this.history = dataDir.resolve("rulesets").resolve("history.jsonl");
        this.clock = clock;
        this.retireSeconds = retireSeconds;
        this.lastSeen = holder.current().version();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-watcher");
            t.setDaemon(true);
            return t;
        });
        if (watchSeconds > 0) {
            scheduler.scheduleWithFixedDelay(this::reloadIfChanged, watchSeconds, watchSeconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** Reloads when the folder's content differs from what was last tried (a refused folder is not retried). */
    void reloadIfChanged() {
        try {
            String now = RulesetLoader.versionOf(rulesDir);
            if (!now.equals(lastSeen)) {
                reload("watch");
            }
        } catch (RuntimeException e) {
            log.error("Watching {} failed", rulesDir, e);
        }
    }

    /** Validates the rules folder and, when it has no error, puts it in service. */
    public synchronized Attempt reload(String trigger) {
        lastSeen = RulesetLoader.versionOf(rulesDir);
        ValidationReport report = RulesetValidator.validate(rulesDir);
        Ruleset candidate = report.ruleset();
        boolean accept = report.valid() && candidate != null;
        Metrics.counter("talent.ruleset.reloads", "result", accept ? "accepted" : "refused").increment();
        if (accept) {
            Ruleset replaced = holder.replace(candidate);
            scheduler.schedule(replaced::close, retireSeconds, TimeUnit.SECONDS);
            log.info("Ruleset {} now serving ({}; {} policy cases passed)", candidate.version(), trigger,
                    report.casesPassed());
        } else {
            if (candidate != null) {
                candidate.close();
            }
            log.warn("Ruleset from {} refused ({}); {} keeps serving:\n{}", rulesDir, trigger,
                    holder.current().version(), report.describe());
        }
        Attempt attempt = new Attempt(Instant.now(clock), trigger, report.rulesetVersion() == null ? lastSeen
                : report.rulesetVersion(), accept, holder.current().version(), report);
        record(attempt);
        return attempt;
    }

    /** The recorded attempts, newest last (at most {@code limit}). */
    public List<HistoryLine> history(int limit) {
        if (!Files.exists(history)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
            List<HistoryLine> out = new ArrayList<>();
            for (String line : lines.subList(Math.max(0, lines.size() - limit), lines.size())) {
                out.add(JSON.readValue(line, HistoryLine.class));
            }
            return out;
        } catch (IOException e) {
            log.error("Cannot read {}", history, e);
            return List.of();
        }
    }

    private void record(Attempt attempt) {
        try {
            DataDirectory.folder(history.getParent());
            HistoryLine line = new HistoryLine(attempt.at(), attempt.trigger(), attempt.candidateVersion(),
                    attempt.accepted(), attempt.servingVersion(), attempt.report().errors().size(),
                    attempt.report().warnings().size(),
                    attempt.report().errors().stream().limit(5).map(ValidationReport.Finding::toString).toList());
            try (java.nio.channels.FileChannel file = DataDirectory.openPrivate(history, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                file.write(java.nio.ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            log.error("Cannot record the reload in {}", history, e);
        }
    }
}
