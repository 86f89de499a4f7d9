package cn.talentpolicy.api;

import cn.talentpolicy.TestRules;
import cn.talentpolicy.security.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot reload under load, over loopback: clients evaluate without pause while a policy admin reloads an edited
 * ruleset 20 times. No request fails, and every answer carries a ruleset version that was serving at some moment
 * between the request's sending and its answer. Bounded: at most 8 minutes (about 3 on 2 cores: each reload runs every
 * policy case) and 50,000 requests a client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReloadUnderLoadTests {

    static final Path RULES = copyOfTheRules();
    static final int RELOADS = 20;
    static final int CLIENTS = 2;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("talent.rules-dir", RULES::toString);
    }

    @LocalServerPort
    int port;

    /** A version's time in service: from the start of the reload that brought it to the end of the next one. */
    record Live(String version, long from, long until) {
        boolean overlaps(long sent, long answered) {
            return from <= answered && until >= sent;
        }
    }

    record Answer(int status, String version, long sent, long answered) {
    }

    @Test
    void twentyReloadsDuringLoadFailNoRequestAndEveryAnswerCarriesAVersionThenServing() throws Exception {
        ApiClient admin = new ApiClient(port, TestIdentityProvider.policyAdmin());
        ApiClient public_ = new ApiClient(port);
        byte[] person = Files.readAllBytes(Path.of("api-spec/examples/evaluation-jinan-master-living-subsidy.request.json"));
        List<Live> live = new ArrayList<>();
        String first = admin.get("/api/v1/rulesets/current").body().get("rulesetVersion").asText();
        long previousFrom = Long.MIN_VALUE;
        String previous = first;

        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int i = 0; i < 50_000 && !stop.get(); i++) {
                    long sent = System.nanoTime();
                    ApiClient.Response response = public_.post("/api/v1/evaluations", person);
                    long answered = System.nanoTime();
                    answers.add(new Answer(response.status(), response.body() == null ? null
                            : response.body().path("rulesetVersion").asText(null), sent, answered));
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        try {
            for (int i = 1; i <= RELOADS && System.nanoTime() < deadline; i++) {
                Files.writeString(RULES.resolve("README.md"), "\nEdited for reload " + i + ".\n",
                        StandardOpenOption.APPEND);
                long from = System.nanoTime();
                ApiClient.Response reload = admin.post("/api/v1/rulesets/reload", new byte[0]);
                long until = System.nanoTime();
                assertThat(reload.status()).isEqualTo(200);
                assertThat(reload.body().get("accepted").asBoolean()).as("reload %d", i).isTrue();
                String serving = reload.body().get("servingVersion").asText();
                assertThat(serving).as("an edited ruleset has a version of its own").isNotEqualTo(previous);
                live.add(new Live(previous, previousFrom, until)); // the one before serves until this one is in
                previous = serving;
                previousFrom = from;
            }
        } finally {
            stop.set(true);
            for (Future<?> client : running) {
                client.get(1, TimeUnit.MINUTES);
            }
            clients.shutdownNow();
        }
        live.add(new Live(previous, previousFrom, Long.MAX_VALUE));

        assertThat(live).as("every reload happened within the time bound").hasSize(RELOADS + 1);
        assertThat(answers).as("the clients kept sending through every reload").hasSizeGreaterThan(RELOADS * 5);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as("no request fails").isEqualTo(200);
            assertThat(live).as("%s was serving between the request and its answer", answer.version())
                    .anyMatch(l -> l.version().equals(answer.version()) && l.overlaps(answer.sent(),
                            answer.answered()));
        });
        assertThat(answers.stream().map(Answer::version).distinct().count())
                .as("answers came from many of the versions, not only the first and last").isGreaterThan(RELOADS / 2);
    }

    @Test
    void aRefusedReloadLeavesTheServiceReadyOnTheLastGoodRuleset() throws Exception {
        ApiClient admin = new ApiClient(port, TestIdentityProvider.policyAdmin());
        ApiClient public_ = new ApiClient(port);
        String serving = admin.get("/api/v1/rulesets/current").body().get("rulesetVersion").asText();
        Path drl = RULES.resolve("jinan_living_subsidy/living_subsidy.drl");
        String good = Files.readString(drl);
        try {
            Files.writeString(drl, good + "\nrule \"broken\" when then this is not java; end\n");
            ApiClient.Response reload = admin.post("/api/v1/rulesets/reload", new byte[0]);
            assertThat(reload.body().get("accepted").asBoolean()).isFalse();
            assertThat(reload.body().get("servingVersion").asText()).isEqualTo(serving);
            ApiClient.Response ready = public_.get("/actuator/health/readiness");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body().get("status").asText()).isEqualTo("UP");
            assertThat(public_.get("/actuator/health/liveness").body().get("status").asText()).isEqualTo("UP");
        } finally {
            Files.writeString(drl, good);
        }
    }

    static Path copyOfTheRules() {
        try {
            Path rules = Files.createTempDirectory("reload-under-load").resolve("rules");
            return TestRules.copyTo(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
