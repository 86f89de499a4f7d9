package cn.talentpolicy.api;

import cn.talentpolicy.evaluation.EvaluationService;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EvaluationController {

    private final EvaluationService evaluations;
    private final EvaluationMapper mapper;

    public EvaluationController(EvaluationService evaluations, EvaluationMapper mapper) {
        this.evaluations = evaluations;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public EvaluationResponse evaluate(@Valid @RequestBody EvaluationRequest request) {
        return mapper.toResponse(evaluations.evaluate(mapper.toFacts(request.person()), request.asOf(),
                request.policies(), request.explain() == null || request.explain()));
    }
}
