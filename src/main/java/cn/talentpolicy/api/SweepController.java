package cn.talentpolicy.api;

import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.evaluation.InvalidRequestException;
import cn.talentpolicy.security.Caller;
import cn.talentpolicy.sweeps.Population;
import cn.talentpolicy.sweeps.SweepJob;
import cn.talentpolicy.sweeps.SweepJobs;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Policy finds people, through the service: upload a population file, follow the sweep, download its results.
 * The upload goes straight to disk (up to {@code talent.sweeps.max-upload-bytes}, default 1 GiB), and the
 * results are streamed from disk, so neither is held in memory. These hand out whole populations: only officers
 * and auditors may call them (see SecurityConfiguration), and an officer sees only the sweeps made under a region
 * inside their own. Another region's sweep answers 404, as an unknown one does, so ids do not tell what exists.
 */
@RestController
public class SweepController {

    static final String PATH = "/api/v1/sweeps";
    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";
    static final String CSV = "text/csv";
    static final String TSV = "text/tab-separated-values";
    /** The range of dates the evaluation API takes (see the contract's conventions). */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final SweepJobs jobs;

    public SweepController(SweepJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = PATH, consumes = {NDJSON, JSONL, CSV}, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SweepJobResponse> submit(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            HttpServletRequest request, Caller caller) throws IOException {
        if (asOf != null && (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST))) {
            throw new InvalidRequestException(List.of(new FieldProblem("asOf",
                    "must be between " + EARLIEST + " and " + LATEST)));
        }
        Population.Format format = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(
                MediaType.parseMediaType(CSV)) ? Population.Format.CSV : Population.Format.JSONL;
        SweepJob job;
        try (InputStream body = request.getInputStream()) {
            job = jobs.submit(body, request.getContentLengthLong(), format, asOf, caller.region(), caller.name());
        }
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + job.id())).body(view(job));
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public SweepJobResponse.Listing all(Caller caller) {
        return new SweepJobResponse.Listing(jobs.list().stream().filter(job -> caller.sees(job.region()))
                .map(this::view).toList());
    }

    @GetMapping(path = PATH + "/{sweepId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public SweepJobResponse one(@PathVariable String sweepId, Caller caller) {
        return view(job(sweepId, caller));
    }

    /**
     * Deletes a sweep and every file of it. An officer may delete the sweeps made under a region inside their own:
     * a bureau's sweeps are the bureau's, not the one officer's who happened to upload them. An officer who is
     * also an auditor reads every region's but deletes only those.
     */
    @DeleteMapping(path = PATH + "/{sweepId}")
    public ResponseEntity<Void> delete(@PathVariable String sweepId, Caller caller) throws IOException {
        SweepJob job = jobs.find(sweepId).filter(found -> caller.mayChange(found.region()))
                .orElseThrow(() -> new UnknownSweepException(sweepId));
        if (!jobs.delete(job.id())) {
            throw new UnknownSweepException(sweepId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = PATH + "/{sweepId}/summary")
    public ResponseEntity<Resource> summary(@PathVariable String sweepId, Caller caller) {
        return file(sweepId, caller, SweepJobs.Result.SUMMARY, MediaType.APPLICATION_JSON);
    }

    @GetMapping(path = PATH + "/{sweepId}/summary.html")
    public ResponseEntity<Resource> summaryPage(@PathVariable String sweepId, Caller caller) {
        return file(sweepId, caller, SweepJobs.Result.SUMMARY_PAGE, new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping(path = PATH + "/{sweepId}/claimable")
    public ResponseEntity<Resource> claimable(@PathVariable String sweepId, Caller caller) {
        return file(sweepId, caller, SweepJobs.Result.CLAIMABLE, MediaType.parseMediaType(NDJSON + ";charset=UTF-8"));
    }

    @GetMapping(path = PATH + "/{sweepId}/rejects")
    public ResponseEntity<Resource> rejects(@PathVariable String sweepId, Caller caller) {
        return file(sweepId, caller, SweepJobs.Result.REJECTS, MediaType.parseMediaType(NDJSON + ";charset=UTF-8"));
    }

    @GetMapping(path = PATH + "/{sweepId}/outcomes")
    public ResponseEntity<Resource> outcomes(@PathVariable String sweepId, Caller caller) {
        return file(sweepId, caller, SweepJobs.Result.OUTCOMES, MediaType.parseMediaType(TSV + ";charset=UTF-8"));
    }

    private SweepJob job(String sweepId, Caller caller) {
        return jobs.find(sweepId).filter(job -> caller.sees(job.region()))
                .orElseThrow(() -> new UnknownSweepException(sweepId));
    }

    private SweepJobResponse view(SweepJob job) {
        return SweepJobResponse.of(job, jobs.perSecond(job.id()), jobs.hasResults(job));
    }

    /** A result file streamed from disk, once the job has results (409 before). */
    private ResponseEntity<Resource> file(String sweepId, Caller caller, SweepJobs.Result result, MediaType type) {
        SweepJob job = job(sweepId, caller);
        FileSystemResource file = new FileSystemResource(jobs.result(job, result)
                .orElseThrow(() -> new SweepNotFinishedException(job)));
        return ResponseEntity.ok().contentType(type).body(file);
    }
}
