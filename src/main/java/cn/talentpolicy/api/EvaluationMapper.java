package cn.talentpolicy.api;

import cn.talentpolicy.api.EvaluationResponse.BenefitDto;
import cn.talentpolicy.api.EvaluationResponse.CriterionDto;
import cn.talentpolicy.api.EvaluationResponse.TraceStepDto;
import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.TraceStep;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Decisions to response DTOs. */
@Mapper(componentModel = "spring")
public interface EvaluationMapper {

    EvaluationResponse toResponse(Evaluation evaluation);

    CriterionDto toCriterion(CriterionResult result);

    @Mapping(target = "currency", constant = "CNY")
    BenefitDto toBenefit(Benefit benefit);

    TraceStepDto toTraceStep(TraceStep step);
}
