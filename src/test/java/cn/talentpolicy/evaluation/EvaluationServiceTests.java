package cn.talentpolicy.evaluation;

import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.facts.Education;
import cn.talentpolicy.facts.Employment;
import cn.talentpolicy.facts.Housing;
import cn.talentpolicy.facts.LedgerEntry;
import cn.talentpolicy.facts.Person;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.facts.Qualifications;
import cn.talentpolicy.facts.SocialInsurance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EvaluationServiceTests {

    static Ruleset ruleset;

    @BeforeAll
    static void load() {
        ruleset = RulesetLoader.load(PolicyCasesTests.RULES);
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    static PersonFacts person(List<LedgerEntry> ledger) {
        String id = "svc-1";
        return new PersonFacts(new Person(id, LocalDate.of(1995, 1, 1), null, null), new Education(id, null),
                new Qualifications(id, null, null, null),
                new Employment(id, null, null, null, null, null, null, null, false), new SocialInsurance(id, null),
                new Housing(id, null, null), null, null, ledger);
    }

    @Test
    void theDefaultAsOfDateIsTodayInShandong() {
        // 20:00 UTC on 28 November is already 29 November in Asia/Shanghai
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T20:00:00Z"), ZoneId.of("Asia/Shanghai"));
        EvaluationService service = new EvaluationService(new RulesetHolder(ruleset), clock);
        Evaluation evaluation = service.evaluate(person(List.of()), null, null, false);
        assertThat(evaluation.asOf()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(evaluation.rulesetVersion()).isEqualTo(ruleset.version());
    }

    @Test
    void aLedgerEntryMustNameAPartThatExists() {
        EvaluationService service = new EvaluationService(new RulesetHolder(ruleset), Clock.systemUTC());
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> service.evaluate(
                person(List.of(new LedgerEntry("svc-1", "jinan_rent_subsidy", "second", 3, null))),
                LocalDate.of(2026, 11, 28), null, false));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("person.ledger[0].part");
            assertThat(p.message()).contains("no part 'second'");
        });
    }

    @Test
    void ledgerEntriesOfPoliciesNotLoadedAreKeptAsGiven() {
        EvaluationService service = new EvaluationService(new RulesetHolder(ruleset), Clock.systemUTC());
        Evaluation evaluation = service.evaluate(person(List.of(new LedgerEntry("svc-1",
                LedgerEntry.SETTLING_IN_ALLOWANCE, null, 0, java.math.BigDecimal.TEN))), LocalDate.of(2026, 11, 28),
                null, false);
        assertThat(evaluation.decisions()).isNotEmpty();
    }
}
