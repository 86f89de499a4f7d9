package cn.talentpolicy.api;

import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.evaluation.EvaluationService;
import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.evaluation.InvalidRequestException;
import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.register.DecisionRegister;
import cn.talentpolicy.register.Maker;
import cn.talentpolicy.register.RecordKind;
import cn.talentpolicy.register.RecordedDecision;
import cn.talentpolicy.register.Recorder;
import cn.talentpolicy.security.Caller;
import cn.talentpolicy.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Metrics;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * The public evaluation: anyone may ask, within the rate limit per client (see security.EvaluationRateLimit). It is
 * recorded in the decision register when the caller asks ({@code record}) and always when an officer calls, before
 * it is answered; an officer may correct an earlier decision ({@code corrects}).
 */
@RestController
public class EvaluationController {

    private final EvaluationService evaluations;
    private final EvaluationMapper mapper;
    private final FactsMapper facts;
    private final Contract contract;
    private final RulesetHolder rulesets;
    private final Recorder recorder;
    private final ObjectMapper json;

    public EvaluationController(EvaluationService evaluations, EvaluationMapper mapper, FactsMapper facts,
                                Contract contract, RulesetHolder rulesets, Recorder recorder, ObjectMapper json) {
        this.evaluations = evaluations;
        this.mapper = mapper;
        this.facts = facts;
        this.contract = contract;
        this.rulesets = rulesets;
        this.recorder = recorder;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public EvaluationResponse evaluate(@RequestBody JsonNode body, Caller caller) {
        EvaluationRequest request = contract.read(body, "EvaluationRequest", EvaluationRequest.class);
        RecordedDecision corrected = request.corrects() == null ? null : corrected(request, caller);
        Ruleset ruleset = rulesets.current();
        // a correction says what the earlier decision should have been: on its date, unless another is given
        java.time.LocalDate asOf = request.asOf() == null && corrected != null ? corrected.decision().asOf()
                : request.asOf();
        Evaluation evaluation = evaluations.evaluate(ruleset, facts.toFacts(request.person()), asOf,
                request.policies(), request.explain() == null || request.explain());
        // talent_evaluations_total{policy, outcome} on the metrics endpoint (Spring Boot adds its registries to
        // the global one)
        for (Decision decision : evaluation.decisions()) {
            Metrics.counter("talent.evaluations", "policy", decision.policyId(),
                    "outcome", decision.outcome().name()).increment();
        }
        EvaluationResponse response = mapper.toResponse(evaluation);
        if (!Boolean.TRUE.equals(request.record()) && !caller.has(Roles.OFFICER) && corrected == null) {
            return response;
        }
        // what was asked, as it is replayed: the person as sent, the date used, the filter and the detail asked
        ObjectNode input = json.createObjectNode();
        input.set("person", body.get("person"));
        input.put("asOf", evaluation.asOf().toString());
        if (request.policies() != null) {
            input.set("policies", body.get("policies"));
        }
        if (request.explain() != null) {
            input.put("explain", request.explain());
        }
        String id = DecisionRegister.newId();
        Recorder.Recorded recorded = recorder.record(new Recorder.Made(RecordKind.EVALUATION,
                maker(caller, request), null, evaluation.personId(), evaluation.asOf(), ruleset, input,
                evaluation.decisions(), corrected), id, owed -> write(response.recorded(id, owed)));
        return response.recorded(recorded.decisionId(), recorded.owed());
    }

    /** The decision a correction corrects: an officer's to correct, within their region, about the same person. */
    private RecordedDecision corrected(EvaluationRequest request, Caller caller) {
        if (!caller.has(Roles.OFFICER)) {
            throw new AccessDeniedException("Only an officer corrects a recorded decision");
        }
        RecordedDecision earlier = recorder.register().find(request.corrects())
                .filter(d -> caller.sees(d.decision().maker().region()))
                .orElseThrow(() -> new UnknownDecisionException(request.corrects(), "corrects"));
        if (!Objects.equals(earlier.decision().personId(), request.person().id())) {
            throw new InvalidRequestException(List.of(new FieldProblem("corrects",
                    "is a decision about another person: a correction is about the person of the decision it corrects")));
        }
        return earlier;
    }

    /**
     * Who the record says made it: a signed-in caller under their region; the public under the region of the
     * person's employer (so the officers there see it), or the province's when it is not given.
     */
    static Maker maker(Caller caller, EvaluationRequest request) {
        if (caller.has(Roles.OFFICER)) {
            return new Maker(caller.name(), Roles.OFFICER, caller.region());
        }
        String employer = request.person().employment() == null ? null
                : request.person().employment().employerRegion();
        String region = caller.region() != null ? caller.region()
                : employer != null && Regions.within(employer, Regions.SHANDONG) ? employer : Regions.SHANDONG;
        String role = caller.roles().isEmpty() ? Maker.PUBLIC : caller.roles().stream().sorted().findFirst().get();
        return new Maker(caller.name(), role, region);
    }

    private String write(Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
