package cn.talentpolicy.api;

import cn.talentpolicy.api.EvaluationResponse.BenefitDto;
import cn.talentpolicy.api.EvaluationResponse.CriterionDto;
import cn.talentpolicy.api.EvaluationResponse.TraceStepDto;
import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.TraceStep;
import cn.talentpolicy.api.CertificationResponse.CertifiedCriterionDto;
import cn.talentpolicy.api.CertificationResponse.CertifiedDecisionDto;
import cn.talentpolicy.certification.Certification;
import cn.talentpolicy.decisions.Decision;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.util.ArrayList;
import java.util.List;

/** Decisions (and certifications) to response DTOs. */
@Mapper(componentModel = "spring")
public interface EvaluationMapper {

    default CertificationResponse toResponse(Certification certification) {
        List<CertifiedDecisionDto> decisions = new ArrayList<>();
        for (Certification.CertifiedDecision certified : certification.decisions()) {
            Decision d = certified.decision();
            List<CertifiedCriterionDto> criteria = new ArrayList<>();
            for (int i = 0; i < d.criteria().size(); i++) {
                CriterionResult r = d.criteria().get(i);
                Certification.CriterionEvidence evidence = certified.evidence().get(i);
                criteria.add(new CertifiedCriterionDto(r.criterion(), r.part(), r.status(), r.reasonCode(), r.message(),
                        r.source(), r.missingFacts(), evidence.records(), evidence.issues(), r.readings()));
            }
            EvaluationResponse.DecisionDto dto = toDecision(d);
            decisions.add(new CertifiedDecisionDto(dto.policyId(), dto.title(), dto.outcome(), dto.certifiedTier(),
                    dto.parts(), dto.benefits(), criteria, dto.missingFacts(), dto.derivedFacts()));
        }
        return new CertificationResponse(certification.certificationId(), certification.personId(),
                certification.asOf(), certification.rulesetVersion(), certification.inputDigest(),
                certification.certifiedTier(), certification.evidenceIssues(), decisions,
                certification.trace().stream().map(this::toTraceStep).toList(), null);
    }

    EvaluationResponse.DecisionDto toDecision(Decision decision);

    @Mapping(target = "decisionId", ignore = true)
    @Mapping(target = "correction", ignore = true)
    EvaluationResponse toResponse(Evaluation evaluation);

    CriterionDto toCriterion(CriterionResult result);

    @Mapping(target = "currency", constant = "CNY")
    BenefitDto toBenefit(Benefit benefit);

    TraceStepDto toTraceStep(TraceStep step);
}
