package cn.talentpolicy.sweeps;

import cn.talentpolicy.certification.Certification;
import cn.talentpolicy.certification.CertificationProperties;
import cn.talentpolicy.certification.CertificationService;
import cn.talentpolicy.certification.RegistryReading;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.evaluation.EvaluationService;
import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.evaluation.InvalidRequestException;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.input.GovernmentRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The generated population, certified by the real service under the real rules, meets every case a sweep should
 * show: each decision policy finds someone ELIGIBLE, most people are eligible for nothing, some need more
 * information, and no good entry is refused. The rarest cases (a Laoshan workplace, a postdoctoral station) are
 * looked for among the first {@value #SCANNED} people; everyone else is the first {@value #SAMPLE}.
 */
class GeneratedPopulationRulesTests {

    static final int SAMPLE = 1_500;
    static final int SCANNED = 100_000;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static Ruleset ruleset;
    static CertificationService certifications;

    @BeforeAll
    static void service() throws IOException {
        ruleset = RulesetLoader.load(Path.of("rules"));
        RulesetHolder holder = new RulesetHolder(ruleset);
        Clock clock = Clock.fixed(AS_OF.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        certifications = new CertificationService(new EvaluationService(holder, clock), holder, clock,
                new CertificationProperties(maxAgeDays()));
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @Test
    void everyDecisionPolicyFindsSomeoneEligibleAndMostPeopleAreEligibleForNothing() throws IOException {
        PopulationGenerator generator = new PopulationGenerator(7, AS_OF, 0);
        Map<String, Map<Outcome, Integer>> sample = new TreeMap<>();
        Map<String, Map<Outcome, Integer>> rare = new TreeMap<>();
        int eligibleForNothing = 0;
        int ineligibleForAll = 0;
        int needingInformation = 0;
        int undecidedTierOnly = 0;
        for (int n = 1; n <= SAMPLE; n++) {
            List<Decision> decisions = certify(generator.person(n));
            count(decisions, sample);
            eligibleForNothing += decisions.stream().noneMatch(d -> d.outcome() == Outcome.ELIGIBLE) ? 1 : 0;
            ineligibleForAll += decisions.stream().allMatch(d -> d.outcome() == Outcome.INELIGIBLE) ? 1 : 0;
            needingInformation += decisions.stream().anyMatch(d -> d.outcome() == Outcome.NEEDS_INFO) ? 1 : 0;
            undecidedTierOnly += decisions.stream().allMatch(d -> d.outcome() == Outcome.INELIGIBLE
                    || d.policyId().equals("jinan_talent_tier") && d.missingFacts().equals(List.of("degrees"))) ? 1 : 0;
        }
        undecidedTierOnly -= ineligibleForAll;
        for (int n = SAMPLE + 1; n <= SCANNED; n++) {
            JsonNode person = generator.person(n);
            if (rare(person)) {
                count(certify(person), rare);
            }
        }
        String shares = "of the first " + SAMPLE + ": " + sample + "; of the rare cases among the first " + SCANNED
                + ": " + rare + "; eligible for nothing " + eligibleForNothing + ", ineligible for all "
                + ineligibleForAll + ", ineligible for all but the tier, undecided for want of a degree record "
                + undecidedTierOnly + ", some decision needing information " + needingInformation;

        ruleset.sortedPolicies().stream().filter(p -> p.kind() == PolicyDefinition.Kind.DECISION)
                .forEach(p -> assertThat(sample.getOrDefault(p.id(), Map.of()).containsKey(Outcome.ELIGIBLE)
                        || rare.getOrDefault(p.id(), Map.of()).containsKey(Outcome.ELIGIBLE))
                        .as("someone is eligible for %s, %s", p.id(), shares).isTrue());
        assertThat(eligibleForNothing).as(shares).isGreaterThan(SAMPLE * 3 / 4);
        assertThat(needingInformation).as(shares).isGreaterThan(SAMPLE / 10);
        // most are ineligible for everything, but the tier needs a degree record to be settled, and the record
        // format cannot say that the education registry holds none: those without a degree stay NEEDS_INFO there
        assertThat(ineligibleForAll).as(shares).isGreaterThan(SAMPLE / 5);
        assertThat(ineligibleForAll + undecidedTierOnly).as(shares).isGreaterThan(SAMPLE / 2);
        System.out.println(shares);
    }

    private static void count(List<Decision> decisions, Map<String, Map<Outcome, Integer>> outcomes) {
        decisions.forEach(d -> outcomes.computeIfAbsent(d.policyId(), k -> new TreeMap<>())
                .merge(d.outcome(), 1, Integer::sum));
    }

    /**
     * A sweep decides everyone without wording their criteria, many people to a session, and words only the
     * claimants' again: that shortcut must decide exactly as a worded evaluation of each person alone does.
     */
    @Test
    void anUnwordedSessionOfManyPeopleDecidesAsAWordedEvaluationOfEachAlone() throws IOException {
        PopulationGenerator generator = new PopulationGenerator(11, AS_OF, 0);
        RegistryReading registry = new RegistryReading(maxAgeDays());
        List<PersonFacts> people = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            JsonNode person = generator.person(n);
            List<GovernmentRecord> records = JSON.readerForListOf(GovernmentRecord.class).readValue(person.get("records"));
            people.add(registry.read(ruleset, person.path("personId").asText(), AS_OF, records).facts());
        }
        List<Evaluation> unworded = new ArrayList<>();
        for (int from = 0; from < people.size(); from += Sweep.Options.DEFAULT_BATCH) {
            unworded.addAll(ruleset.evaluate(people.subList(from, from + Sweep.Options.DEFAULT_BATCH), AS_OF,
                    id -> true, Ruleset.Detail.OUTCOMES));
        }
        int claimants = 0;
        for (int i = 0; i < people.size(); i++) {
            Evaluation alone = ruleset.evaluate(List.of(people.get(i)), AS_OF, id -> true, Ruleset.Detail.REASONS).get(0);
            assertThat(alone.decisions()).flatExtracting(Decision::criteria).extracting(CriterionResult::message)
                    .doesNotContainNull();
            assertThat(unworded.get(i).decisions()).flatExtracting(Decision::criteria)
                    .extracting(CriterionResult::message).containsOnlyNulls();
            assertThat(unworded.get(i).decisions().stream().map(GeneratedPopulationRulesTests::unworded).toList())
                    .as(people.get(i).personId())
                    .isEqualTo(alone.decisions().stream().map(GeneratedPopulationRulesTests::unworded).toList());
            claimants += PersonOutcome.claimsAnything(people.get(i), alone) ? 1 : 0;
        }
        assertThat(claimants).as("people among them who can newly claim something").isPositive();
    }

    private static Decision unworded(Decision d) {
        return new Decision(d.policyId(), d.title(), d.outcome(), d.certifiedTier(), d.parts(), d.benefits(),
                d.criteria().stream().map(c -> new CriterionResult(c.personId(), c.policyId(), c.part(), c.criterion(),
                        c.status(), c.reasonCode(), null, c.source(), c.missingFacts(), c.rule(), c.basis(),
                        readings(c))).toList(),
                d.missingFacts(), d.derivedFacts());
    }

    @Test
    void theMistakesOnlyTheServiceCatchesAreRefusedNamingTheRecord() {
        PopulationGenerator generator = new PopulationGenerator(5, AS_OF, 0.05);
        Map<BadEntry, String> refused = new HashMap<>();
        for (int n = 1; n <= 2_000 && refused.size() < 2; n++) {
            BadEntry kind = generator.badEntry(n);
            if (kind == null || kind.caughtBy() != BadEntry.Check.SERVICE) {
                continue;
            }
            var person = generator.person(n);
            kind.damage(person, PopulationGenerator.number(n), AS_OF, new SplitMix(n));
            InvalidRequestException e = catchThrowableOfType(() -> certify(person), InvalidRequestException.class);
            assertThat(e).as("%s: %s", kind, person).isNotNull();
            refused.put(kind, e.problems().stream().map(FieldProblem::field).collect(Collectors.joining(", ")));
        }
        assertThat(refused.get(BadEntry.RETRIEVED_AFTER_AS_OF)).matches("records\\[\\d+]\\.retrievedOn");
        assertThat(refused.get(BadEntry.CSCSE_WITHOUT_EDUCATION)).matches("records\\[\\d+]\\.degreeRecordId");
    }

    @Test
    void theLedgerNamesPoliciesUnderRulesInTheUnitTheirPolicySays() {
        SyntheticPerson.LEDGER_UNITS.forEach((paid, unit) -> {
            String[] policyAndPart = paid.split("/");
            PolicyDefinition policy = ruleset.policy(policyAndPart[0]);
            assertThat(policy).as(paid).isNotNull();
            String part = policyAndPart.length > 1 ? policyAndPart[1] : policy.parts().get(0).id();
            assertThat(policy.parts()).as(paid).filteredOn(p -> p.id().equals(part)).singleElement()
                    .satisfies(p -> assertThat(p.ledger()).contains(unit));
        });
    }

    /**
     * A person in reach of the rarest decisions: a postdoctoral station, or a postgraduate degree of the last five
     * years and work in Jinan (the living and home purchase subsidies) or in Laoshan (the Laoshan allowance).
     */
    private static boolean rare(JsonNode person) {
        boolean recentPostgraduate = false;
        boolean workplace = false;
        for (JsonNode r : person.get("records")) {
            if (r.get("source").asText().equals("POSTDOC_REGISTRY")) {
                return true;
            }
            recentPostgraduate |= List.of("MASTER", "DOCTORATE").contains(r.path("level").asText())
                    && LocalDate.parse(r.get("graduationDate").asText()).isAfter(AS_OF.minusYears(5));
            String region = r.path("employerRegion").asText();
            workplace |= region.startsWith("3701") || region.equals(Shandong.LAOSHAN);
        }
        return recentPostgraduate && workplace;
    }

    private static List<Decision> certify(JsonNode person) throws IOException {
        List<GovernmentRecord> records = JSON.readerForListOf(GovernmentRecord.class).readValue(person.get("records"));
        Certification certification = certifications.certify(new CertificationService.Request(
                person.path("personId").asText(), AS_OF, records, null, null));
        List<Decision> decisions = new ArrayList<>();
        certification.decisions().forEach(d -> decisions.add(d.decision()));
        return decisions;
    }

    /** The staleness limits the service runs with (application.properties). */
    private static Map<String, Integer> maxAgeDays() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        String prefix = "talent.certification.max-age-days.";
        Map<String, Integer> days = new HashMap<>();
        properties.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> days.put(k.substring(prefix.length()), Integer.parseInt(properties.getProperty(k))));
        assertThat(days).isNotEmpty();
        return days;
    }

    /**
     * What the readings of an omitted flag decided, without their words: each result once. A worded evaluation
     * also lists readings that differ in words alone, so those (one result) count as none.
     */
    static List<CriterionResult.Reading> readings(CriterionResult c) {
        List<CriterionResult.Reading> results = c.readings().stream()
                .map(r -> new CriterionResult.Reading(null, r.status(), r.reasonCode(), null)).distinct().toList();
        return results.size() > 1 ? results : List.of();
    }
}
