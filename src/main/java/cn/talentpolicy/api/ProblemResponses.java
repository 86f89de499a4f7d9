package cn.talentpolicy.api;

import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.evaluation.InvalidRequestException;
import cn.talentpolicy.storage.DataDirectory;
import cn.talentpolicy.sweeps.SweepJobs;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import cn.talentpolicy.register.DecisionRegister;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error is an RFC 9457 problem response ({@code application/problem+json}) whose {@code errors} list
 * names each offending field by its JSON path, so a form can show the message next to the field.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");
    static final URI MALFORMED_JSON = URI.create("/problems/malformed-json");
    static final URI UNKNOWN_POLICY = URI.create("/problems/unknown-policy");
    static final URI UNKNOWN_CERTIFICATION = URI.create("/problems/unknown-certification");
    static final URI UNKNOWN_SWEEP = URI.create("/problems/unknown-sweep");
    static final URI SWEEP_NOT_DONE = URI.create("/problems/sweep-not-done");
    static final URI EMPTY_POPULATION = URI.create("/problems/empty-population");
    static final URI TOO_LARGE = URI.create("/problems/request-too-large");
    static final URI INTERNAL = URI.create("/problems/internal-error");
    static final URI DATA_FULL = URI.create("/problems/data-directory-full");
    static final URI UNKNOWN_DECISION = URI.create("/problems/unknown-decision");
    static final URI NOT_REPLAYABLE = URI.create("/problems/not-replayable");
    static final URI REGISTER_UNAVAILABLE = URI.create("/problems/register-unavailable");

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** Builds a 400 "invalid request" problem naming each field. */
    static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                        : problems.size() + " fields are invalid");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList());
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(UnknownPolicyException.class)
    ProblemDetail unknownPolicy(UnknownPolicyException e) {
        return notFound(UNKNOWN_POLICY, "Unknown policy", "policyId",
                e.getMessage(), " (GET /api/v1/policies lists them)");
    }

    @ExceptionHandler(UnknownCertificationException.class)
    ProblemDetail unknownCertification(UnknownCertificationException e) {
        return notFound(UNKNOWN_CERTIFICATION, "Unknown certification", "certificationId", e.getMessage(), "");
    }

    /**
     * Left to the security filters, which answer 401 to a caller who has not signed in and 403 to one whose roles
     * do not allow it (rethrowing the very exception leaves it unresolved here).
     */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    void accessDenied(org.springframework.security.access.AccessDeniedException e) {
        throw e;
    }

    @ExceptionHandler(UnknownDecisionException.class)
    ProblemDetail unknownDecision(UnknownDecisionException e) {
        return notFound(UNKNOWN_DECISION, "Unknown decision", e.field(), e.getMessage(), "");
    }

    @ExceptionHandler(ReplayUnavailableException.class)
    ProblemDetail notReplayable(ReplayUnavailableException e) {
        return problem(HttpStatus.CONFLICT, NOT_REPLAYABLE, "Decision not replayable", e.getMessage());
    }

    /** The register could not record the decision: it is not handed out (nothing answered goes unrecorded). */
    @ExceptionHandler(DecisionRegister.UnavailableException.class)
    ProblemDetail registerUnavailable(DecisionRegister.UnavailableException e) {
        log.error("Decision not recorded, so not answered: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, REGISTER_UNAVAILABLE, "Register unavailable",
                "The decision could not be recorded in the decision register, so it is not given; try again later."
                        + " The error is logged.");
        return problem;
    }

    @ExceptionHandler(UnknownSweepException.class)
    ProblemDetail unknownSweep(UnknownSweepException e) {
        return notFound(UNKNOWN_SWEEP, "Unknown sweep", "sweepId", e.getMessage(), " (GET /api/v1/sweeps lists them)");
    }

    @ExceptionHandler(SweepNotFinishedException.class)
    ProblemDetail sweepNotDone(SweepNotFinishedException e) {
        return problem(HttpStatus.CONFLICT, SWEEP_NOT_DONE, "Sweep not done", e.getMessage());
    }

    @ExceptionHandler(SweepJobs.EmptyUploadException.class)
    ProblemDetail emptyPopulation(SweepJobs.EmptyUploadException e) {
        return problem(HttpStatus.BAD_REQUEST, EMPTY_POPULATION, "Empty population", e.getMessage());
    }

    @ExceptionHandler(SweepJobs.UploadTooLargeException.class)
    ProblemDetail populationTooLarge(SweepJobs.UploadTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Request too large", e.getMessage()
                + " (talent.sweeps.max-upload-bytes); nothing of it was kept");
    }

    @ExceptionHandler(DataDirectory.FullException.class)
    ProblemDetail dataDirectoryFull(DataDirectory.FullException e) {
        return problem(HttpStatus.INSUFFICIENT_STORAGE, DATA_FULL, "Data directory full", e.getMessage()
                + " (talent.data-dir-max-bytes); nothing of this request was kept");
    }

    /** A problem of its own type, title and detail. */
    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** A 404 naming the path parameter that named nothing. */
    private static ProblemDetail notFound(URI type, String title, String field, String message, String hint) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, type, title, message + hint);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == LocalDate.class ? "a date in YYYY-MM-DD form"
                : "a " + (e.getRequiredType() == null ? "valid value" : e.getRequiredType().getSimpleName());
        return invalid(List.of(new FieldProblem(e.getName(), "'" + e.getValue() + "' is not " + expected)));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The evaluation failed inside the service; nothing was changed. The error is logged.");
        problem.setType(INTERNAL);
        problem.setTitle("Internal error");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse) { // broken or truncated JSON, wherever it was found
                return ResponseEntity.badRequest().body(malformed("The body is not valid JSON: "
                        + withoutValues(parse.getOriginalMessage()) + location(parse)));
            }
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                cause = t; // the outermost Jackson error carries the field path
                break;
            }
        }
        if (cause instanceof JsonParseException parse) {
            return ResponseEntity.badRequest().body(malformed("The body is not valid JSON: "
                    + withoutValues(parse.getOriginalMessage()) + location(parse)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping) + (mapping instanceof InvalidTypeIdException ? ".source" : "");
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field,
                    mappingMessage(mapping, FieldProblem.personal(field))))));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getMessage() != null
                && mismatch.getMessage().startsWith("No content")) {
            return ResponseEntity.badRequest().body(malformed("The body is empty: send a JSON object"));
        }
        if (cause instanceof JsonProcessingException json) {
            return ResponseEntity.badRequest().body(malformed("The body is not valid JSON: "
                    + withoutValues(json.getOriginalMessage()) + location(json)));
        }
        return ResponseEntity.badRequest().body(malformed("A JSON body is required"));
    }

    private static ProblemDetail malformed(String detail) {
        return problem(HttpStatus.BAD_REQUEST, MALFORMED_JSON, "Malformed JSON", detail);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** A Jackson error's location as a request path, like {@code person.degrees[0].level}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String mappingMessage(JsonMappingException e, boolean personal) {
        if (e instanceof InvalidTypeIdException typeId) {
            return "'" + typeId.getTypeId() + "' is not a known record source (HUKOU, EDUCATION_REGISTRY, CSCSE, "
                    + "TITLE_REGISTRY, HONOURS_REGISTRY, SOCIAL_INSURANCE, EMPLOYER_REGISTRY, PROPERTY_REGISTRY, "
                    + "SUBSIDY_LEDGER, POSTDOC_REGISTRY)";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field: check its spelling against the API contract";
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            String given = personal ? "" : "'" + format.getValue() + "' ";
            if (target != null && target.isEnum()) {
                return given + "is not one of " + Arrays.stream(target.getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            }
            if (target == LocalDate.class) {
                return given + "is not a real date in YYYY-MM-DD form";
            }
            return given + "is not a valid " + (target == null ? "value" : target.getSimpleName());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == LocalDate.class) {
                return "must be a date in YYYY-MM-DD form";
            }
            return "must be " + describe(target);
        }
        return personal ? withoutValues(e.getOriginalMessage()) : e.getOriginalMessage();
    }

    /**
     * A parser's message without the text it quotes from the body ({@code Unrecognized token '张三'}), which may
     * be anything of a person's: where it was is said by line and column.
     */
    static String withoutValues(String message) {
        return message == null ? "" : message.replaceAll("'(?!(null|true|false)')[^']*'", "'…'")
                .replaceAll("\"[^\"]*\"", "\"…\"");
    }

    private static String describe(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "an object";
    }
}
