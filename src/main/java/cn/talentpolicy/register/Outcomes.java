package cn.talentpolicy.register;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a record says was decided, per policy: the outcome, the amounts, and each criterion's status (by
 * criterion, prefixed with its part where it has one: {@code master/DEGREE}). This is the {@code outcomes}
 * column, kept whatever else is kept, and what a replay compares.
 *
 * @param total the sum of the benefits' totals when the person is eligible, 0 otherwise: what the policy owes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcomes(String policyId, String outcome, String certifiedTier, BigDecimal total, List<Amount> benefits,
                       Map<String, String> criteria, List<String> missingFacts) {

    /** One benefit: what a part pays, how often and in all. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Amount(String part, String kind, BigDecimal amount, Integer months, Integer years, BigDecimal total) {
    }

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static Outcomes of(Decision decision) {
        Map<String, String> criteria = new LinkedHashMap<>();
        for (CriterionResult c : decision.criteria()) {
            criteria.put(c.part() == null ? c.criterion() : c.part() + "/" + c.criterion(), c.status().name());
        }
        List<Amount> benefits = new ArrayList<>();
        for (Benefit b : decision.benefits()) {
            benefits.add(new Amount(b.part(), b.kind().name(), b.amount(), b.months(), b.years(), b.total()));
        }
        return new Outcomes(decision.policyId(), decision.outcome().name(), decision.certifiedTier(),
                owed(decision.outcome().name(), benefits), benefits, criteria,
                decision.missingFacts().isEmpty() ? null : decision.missingFacts());
    }

    /** What is owed for an outcome with these benefits: their totals if eligible, else nothing. */
    public static BigDecimal owed(String outcome, List<Amount> benefits) {
        BigDecimal total = BigDecimal.ZERO;
        if ("ELIGIBLE".equals(outcome)) {
            for (Amount b : benefits) {
                total = b.total() == null ? total : total.add(b.total());
            }
        }
        return total;
    }

    public static List<Outcomes> of(List<Decision> decisions) {
        return decisions.stream().map(Outcomes::of).toList();
    }

    public static String write(List<Outcomes> outcomes) {
        try {
            return JSON.writeValueAsString(outcomes);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Outcomes> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Outcomes>>() {
            });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
