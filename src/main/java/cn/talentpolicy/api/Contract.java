package cn.talentpolicy.api;

import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.evaluation.InvalidRequestException;
import cn.talentpolicy.evaluation.RequestSchema;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The contract ({@code api-spec/openapi.yaml}, packed in the jar) checks a request body before it is read, so
 * that every offending field is named at once — unknown enum values and impossible dates included — and the
 * service cannot accept what the contract refuses. Then the body is read and its bean constraints checked.
 */
@Component
public class Contract {

    private final ObjectMapper json;
    private final Validator validator;
    private final RequestSchema schema = RequestSchema.bundled();

    public Contract(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The body as the request type, or an {@link InvalidRequestException} naming every offending field. */
    <T> T read(JsonNode body, String schemaName, Class<T> type) {
        RequestSchema.withoutNulls(body); // an explicit null means the same as leaving the field out
        List<FieldProblem> problems = schema.check(schemaName, body);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        T request;
        try {
            request = json.treeToValue(body, type);
        } catch (JsonMappingException e) {
            String field = ProblemResponses.path(e);
            throw new InvalidRequestException(List.of(new FieldProblem(field,
                    ProblemResponses.mappingMessage(e, FieldProblem.personal(field)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FieldProblem> violations = RequestSchema.violations(validator, request);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return request;
    }
}
