package cn.talentpolicy.api;

import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.rulesets.IsolatedValidation;
import cn.talentpolicy.rulesets.RulesetArchive;
import cn.talentpolicy.rulesets.RulesetReloader;
import cn.talentpolicy.rulesets.ValidationReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Ruleset administration: what is serving, validate a rules folder sent as a zip (held to the rule vocabulary,
 * its cases run in a JVM of their own within {@code talent.rulesets.validation-seconds} and
 * {@code talent.rulesets.validation-memory-mb}), reload from the rules folder.
 * These change or inspect the service; put them behind the bureau's gateway.
 */
@RestController
public class RulesetController {

    /** The serving ruleset and the most recent reload attempts. */
    public record Current(String rulesetVersion, List<RulesetReloader.HistoryLine> history) {
    }

    /** A validation report without the compiled ruleset. */
    public record Report(String rulesetVersion, boolean valid, List<ValidationReport.Finding> errors,
                         List<ValidationReport.Finding> warnings, int casesRun, int casesPassed) {
        static Report of(ValidationReport r) {
            return new Report(r.rulesetVersion(), r.valid(), r.errors(), r.warnings(), r.casesRun(), r.casesPassed());
        }
    }

    /** The answer to a reload: whether the candidate now serves, what serves, and why. */
    public record Reload(boolean accepted, String candidateVersion, String servingVersion, Report report) {
    }

    private final RulesetHolder holder;
    private final RulesetReloader reloader;
    private final long maxUpload;
    private final IsolatedValidation.Budget budget;

    public RulesetController(RulesetHolder holder, RulesetReloader reloader,
                             @Value("${talent.rulesets.max-upload-bytes:5242880}") long maxUpload,
                             @Value("${talent.rulesets.validation-seconds:120}") int validationSeconds,
                             @Value("${talent.rulesets.validation-memory-mb:384}") int validationMemory) {
        this.holder = holder;
        this.reloader = reloader;
        this.maxUpload = maxUpload;
        this.budget = new IsolatedValidation.Budget(Duration.ofSeconds(validationSeconds), validationMemory);
    }

    @GetMapping(path = "/api/v1/rulesets/current", produces = MediaType.APPLICATION_JSON_VALUE)
    public Current current() {
        return new Current(holder.current().version(), reloader.history(20));
    }

    @PostMapping(path = "/api/v1/rulesets/reload", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Reload> reload() {
        RulesetReloader.Attempt attempt = reloader.reload("admin");
        Reload body = new Reload(attempt.accepted(), attempt.candidateVersion(), attempt.servingVersion(),
                Report.of(attempt.report()));
        return ResponseEntity.status(attempt.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(body);
    }

    @PostMapping(path = "/api/v1/rulesets/validate", consumes = "application/zip",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> validate(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxUpload) {
            return tooLarge();
        }
        Path work = Files.createTempDirectory("rules-validate-");
        try (InputStream body = request.getInputStream()) {
            byte[] zip = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUpload + 1));
            if (zip.length > maxUpload) {
                return tooLarge();
            }
            Path rules;
            try {
                rules = RulesetArchive.extract(new java.io.ByteArrayInputStream(zip), work);
            } catch (RulesetArchive.BadArchiveException e) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "Not a usable rules archive: " + e.getMessage());
                problem.setType(URI.create("/problems/bad-archive"));
                problem.setTitle("Bad rules archive");
                return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
            // uploaded rules are code: their cases run in a JVM of their own, within a budget of time and memory
            ValidationReport report = IsolatedValidation.validate(rules, budget);
            return ResponseEntity.ok(Report.of(report));
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The rules archive is over the limit of " + maxUpload + " bytes");
        problem.setType(URI.create("/problems/request-too-large"));
        problem.setTitle("Request too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
