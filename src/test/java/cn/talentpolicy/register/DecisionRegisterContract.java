package cn.talentpolicy.register;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.input.CanonicalJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the register promises, on each database it runs on ({@link H2RegisterTests}, {@link PostgresRegisterTests}):
 * every decision handed to it is in the chain once it returns, in one order however many callers and services
 * append at once, and any change made to the records afterwards (a field edited, a record removed, one put in, the
 * last ones cut off) is found, at the first record it touches.
 */
abstract class DecisionRegisterContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
    static Ruleset rules;

    TestDatabase database;
    DecisionRegister register;

    abstract TestDatabase open(Path folder);

    @BeforeAll
    static void loadRules() {
        rules = RulesetLoader.load(TestRules.BUNDLED);
    }

    @AfterAll
    static void closeRules() {
        rules.close();
    }

    @BeforeEach
    void openRegister(@TempDir Path folder) {
        database = open(folder);
        register = database.register(CLOCK);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        database.close();
    }

    static NewDecision decision(String person, String region) {
        String input = "{\"person\":{\"id\":\"" + person + "\"}}";
        String answer = "{\"personId\":\"" + person + "\"}";
        return new NewDecision(DecisionRegister.newId(), RecordKind.EVALUATION, CLOCK.instant(),
                new Maker("an officer", "officer", region), person, LocalDate.of(2026, 11, 28), "sha256:0123456789abcdef",
                CanonicalJson.digest(input), "[{\"policyId\":\"jinan_living_subsidy\",\"outcome\":\"ELIGIBLE\",\"total\":36000}]",
                null, null, null, CanonicalJson.digest(answer), input, answer);
    }

    ChainCheck.Report check() {
        return ChainCheck.run(database.jdbc, database.transactions);
    }

    @Test
    void decisionsFromManyCallersAtOnceAreAllInTheChainInOneOrder() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            ids.add(callers.submit(() -> {
                NewDecision d = decision("P" + n, "370212");
                register.record(d);
                return d.id();
            }));
        }
        for (Future<String> id : ids) {
            assertThat(register.find(id.get(60, TimeUnit.SECONDS))).as("in the register once record returns")
                    .isPresent();
        }
        callers.shutdown();
        ChainCheck.Report report = check();
        assertThat(report.intact()).as("%s", report.firstBroken()).isTrue();
        assertThat(report.records()).isEqualTo(400);
        assertThat(report.headSeq()).isEqualTo(400);
    }

    @Test
    void twoServicesOnOneDatabaseAppendOneAfterTheOther() throws Exception {
        DecisionRegister other = database.register(CLOCK);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            DecisionRegister through = i % 2 == 0 ? register : other;
            int n = i;
            done.add(callers.submit(() -> through.record(decision("P" + n, "370212"))));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        callers.shutdown();
        assertThat(check().intact()).isTrue();
        assertThat(check().records()).isEqualTo(200);
    }

    @Test
    void aDecisionThatCannotBeWrittenFailsItsCallerAndNoOther() {
        NewDecision good = decision("P1", "370212");
        NewDecision bad = decision("P2", "3702120"); // a region of seven digits does not fit its column
        assertThatThrownBy(() -> register.record(bad)).isInstanceOf(DecisionRegister.UnavailableException.class);
        register.record(good);
        assertThat(register.find(good.id())).isPresent();
        assertThat(register.find(bad.id())).isEmpty();
        assertThat(check().intact()).isTrue();
    }

    @Test
    void anEditedFieldIsFoundAtItsRecord() {
        List<NewDecision> made = recordFive();
        database.jdbc.update("update decisions set outcomes = replace(outcomes, '36000', '48000') where id = ?",
                made.get(2).id());

        ChainCheck.Report report = check();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBroken().seq()).isEqualTo(3);
        assertThat(report.firstBroken().id()).isEqualTo(made.get(2).id());
        assertThat(report.firstBroken().problem()).contains("fields");
    }

    @Test
    void anEditedRecordWithItsHashRecomputedBreaksTheLinkOfTheNextOne() {
        List<NewDecision> made = recordFive();
        RecordedDecision third = register.find(made.get(2).id()).orElseThrow();
        NewDecision forged = new NewDecision(third.decision().id(), third.decision().kind(), third.decision().madeAt(),
                third.decision().maker(), third.decision().personId(), third.decision().asOf(),
                third.decision().rulesetVersion(), third.decision().inputDigest(), "[]", null, null, null,
                third.decision().answerDigest(), third.decision().input(), third.decision().answer());
        database.jdbc.update("update decisions set outcomes = '[]', hash = ? where id = ?",
                Chain.hash(third.previousHash(), 3, forged), forged.id());

        ChainCheck.Broken broken = check().firstBroken();
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.id()).isEqualTo(made.get(3).id());
        assertThat(broken.problem()).contains("previous hash");
    }

    @Test
    void aRecordTakenOutOrTheLastOnesCutOffAreFound() {
        List<NewDecision> made = recordFive();
        database.jdbc.update("delete from decisions where id = ?", made.get(1).id());
        assertThat(check().firstBroken().seq()).isEqualTo(2);
        assertThat(check().firstBroken().problem()).startsWith("missing");
    }

    @Test
    void theLastRecordsCutOffAreFoundByTheHead() {
        recordFive();
        database.jdbc.update("delete from decisions where seq >= 4");
        ChainCheck.Report report = check();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBroken().seq()).isEqualTo(4);
        assertThat(report.firstBroken().id()).isNull();
    }

    @Test
    void anEditedInputIsFoundByItsDigest() {
        List<NewDecision> made = recordFive();
        database.jdbc.update("update decisions set input = '{\"person\":{\"id\":\"someone else\"}}' where id = ?",
                made.get(4).id());
        assertThat(check().firstBroken().id()).isEqualTo(made.get(4).id());
        assertThat(check().firstBroken().problem()).contains("input");
    }

    @Test
    void inputsAndAnswersAreErasedAfterTheirRetentionAndTheChainStillVerifies() {
        List<NewDecision> made = recordFive();
        DecisionRegister later = database.register(new RegisterProperties(null, null, 30, null, null),
                Clock.offset(CLOCK, Duration.ofDays(31)));
        assertThat(later.eraseExpired()).isEqualTo(5);
        RecordedDecision erased = register.find(made.get(0).id()).orElseThrow();
        assertThat(erased.decision().input()).isNull();
        assertThat(erased.decision().answer()).isNull();
        assertThat(erased.decision().inputDigest()).isEqualTo(made.get(0).inputDigest());
        assertThat(check().intact()).isTrue();
        DecisionRegister sooner = database.register(new RegisterProperties(null, null, 30, null, null),
                Clock.offset(CLOCK, Duration.ofDays(29)));
        assertThat(sooner.eraseExpired()).isZero();
    }

    @Test
    void aPersonsDecisionsAreListedNewestFirstWithinTheRegionsTheCallerSees() {
        NewDecision laoshan = decision("P1", "370212");
        NewDecision jinan = decision("P1", "370102");
        NewDecision other = decision("P2", "370212");
        NewDecision laterLaoshan = decision("P1", "370212");
        for (NewDecision d : List.of(laoshan, jinan, other, laterLaoshan)) {
            register.record(d);
        }
        assertThat(register.ofPerson("P1", region -> region.startsWith("3702"), 10))
                .extracting(r -> r.decision().id()).containsExactly(laterLaoshan.id(), laoshan.id());
        assertThat(register.ofPerson("P1", region -> true, 1)).extracting(r -> r.decision().id())
                .containsExactly(laterLaoshan.id());
    }

    @Test
    void aRulesetKeptInTheRegisterCompilesAgainToTheSameVersion(@TempDir Path copy) throws Exception {
        TestRules.copyTo(copy);
        TestRules.append(copy, "CHANGELOG.md", "\nA change.\n");
        Ruleset changed = RulesetLoader.load(copy);
        RulesetArchives archives = new RulesetArchives(database.sql, new RulesetHolder(rules), CLOCK);
        archives.keep(changed);
        archives.keep(changed); // once only

        assertThat(database.jdbc.queryForObject("select count(*) from rulesets", Long.class)).isEqualTo(1);
        try (RulesetArchives.Loaded loaded = new RulesetArchives(database.sql, new RulesetHolder(rules), CLOCK)
                .load(changed.version()).orElseThrow()) {
            assertThat(loaded.compiled()).isTrue();
            assertThat(loaded.ruleset().version()).isEqualTo(changed.version());
        } finally {
            changed.close();
        }
        assertThat(archives.load("sha256:0000000000000000")).isEmpty();
        assertThat(archives.load(rules.version()).orElseThrow().compiled()).as("the serving one is used as it is")
                .isFalse();
    }

    List<NewDecision> recordFive() {
        List<NewDecision> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            NewDecision d = decision("P" + i, "370212");
            register.record(d);
            made.add(d);
        }
        assertThat(check().intact()).isTrue();
        return made;
    }
}
