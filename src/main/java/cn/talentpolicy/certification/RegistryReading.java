package cn.talentpolicy.certification;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.evaluation.EvaluationService;
import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.input.GovernmentRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the registries prove about a person, as a population sweep reads it: the records a government source
 * holds (self-declared ones are left out: a sweep finds people from what the government already knows), stale
 * or conflicting facts unknown, as in the "proven" reading of a certification. Thread-safe.
 */
public final class RegistryReading {

    private final RecordAssembler assembler;

    public RegistryReading(Map<String, Integer> maxAgeDays) {
        this.assembler = new RecordAssembler(maxAgeDays);
    }

    /** The facts, or the problems with the records (and with the facts they give) that stop an evaluation. */
    public Result read(Ruleset ruleset, String personId, LocalDate asOf, List<GovernmentRecord> records) {
        List<FieldProblem> problems = new ArrayList<>(CertificationService.recordProblems(records, asOf));
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        List<GovernmentRecord> registry = records.stream().filter(r -> !r.isSelfDeclared()).toList();
        PersonFacts facts = FactsMapper.INSTANCE.toFacts(assembler.assemble(personId, asOf, registry, false).person());
        for (FieldProblem p : EvaluationService.factProblems(ruleset, facts, asOf)) {
            problems.add(new FieldProblem("records", "the records give "
                    + p.field().replaceFirst("^person\\.", "") + ": " + p.message()));
        }
        return problems.isEmpty() ? new Result(facts, List.of()) : new Result(null, problems);
    }

    /** Facts, or the problems that stopped them. */
    public record Result(PersonFacts facts, List<FieldProblem> problems) {
    }
}
