package cn.talentpolicy.api;

import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.evaluation.EvaluationService;
import cn.talentpolicy.input.FactsMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Metrics;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public evaluation: anyone may ask, within the rate limit per client (see security.EvaluationRateLimit). */
@RestController
public class EvaluationController {

    private final EvaluationService evaluations;
    private final EvaluationMapper mapper;
    private final FactsMapper facts;
    private final Contract contract;

    public EvaluationController(EvaluationService evaluations, EvaluationMapper mapper, FactsMapper facts,
                                Contract contract) {
        this.evaluations = evaluations;
        this.mapper = mapper;
        this.facts = facts;
        this.contract = contract;
    }

    @PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public EvaluationResponse evaluate(@RequestBody JsonNode body) {
        EvaluationRequest request = contract.read(body, "EvaluationRequest", EvaluationRequest.class);
        Evaluation evaluation = evaluations.evaluate(facts.toFacts(request.person()), request.asOf(),
                request.policies(), request.explain() == null || request.explain());
        // talent_evaluations_total{policy, outcome} on the metrics endpoint (Spring Boot adds its registries to
        // the global one)
        for (Decision decision : evaluation.decisions()) {
            Metrics.counter("talent.evaluations", "policy", decision.policyId(),
                    "outcome", decision.outcome().name()).increment();
        }
        return mapper.toResponse(evaluation);
    }
}
