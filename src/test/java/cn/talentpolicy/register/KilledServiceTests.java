package cn.talentpolicy.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed with SIGKILL in the middle of a load loses no decision it answered: the service runs in a
 * process of its own on the embedded register (its default), four clients evaluate as an officer (so every
 * evaluation is recorded) until the process is killed under them, and after a restart on the same data directory
 * every decision id that was answered is in the register and the chain verifies.
 */
class KilledServiceTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "kill-test";
    static final String PASSWORD = "a password for this test only";
    static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noDecisionThatWasAnsweredIsLostWhenTheServiceIsKilledUnderLoad(@TempDir Path data) throws Exception {
        int port = freePort();
        Process service = start(data, port);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger failedBeforeTheKill = new AtomicInteger();
        try {
            awaitReady(port, service);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            long killAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.execute(() -> {
                    for (int i = 0; service.isAlive(); i++) {
                        try {
                            HttpResponse<String> response = http.send(evaluation(port, "kill-" + client + "-" + i),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                answered.add(JSON.readTree(response.body()).get("decisionId").asText());
                            } else if (System.nanoTime() < killAt) {
                                failedBeforeTheKill.incrementAndGet();
                            }
                        } catch (IOException e) {
                            // the connection the kill cut: that request was never answered
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(killAt - System.nanoTime()));
            service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, nothing closed
            service.waitFor(30, TimeUnit.SECONDS);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            service.destroyForcibly();
        }
        assertThat(answered).as("decisions answered before the kill").hasSizeGreaterThan(20);
        assertThat(failedBeforeTheKill).hasValue(0);

        Process restarted = start(data, port);
        try {
            awaitReady(port, restarted);
            List<String> lost = new ArrayList<>();
            for (String id : answered) {
                if (get(port, "/api/v1/decisions/" + id).statusCode() != 200) {
                    lost.add(id);
                }
            }
            assertThat(lost).as("answered, and not in the register after the restart").isEmpty();
            JsonNode check = JSON.readTree(get(port, "/api/v1/decisions/verification").body());
            assertThat(check.get("intact").asBoolean()).as("%s", check).isTrue();
            assertThat(check.get("records").asLong()).isGreaterThanOrEqualTo(answered.size());
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    Process start(Path data, int port) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "cn.talentpolicy.TalentPolicyApplication",
                "--server.port=" + port, "--talent.data-dir=" + data, "--talent.rules-dir=rules",
                "--talent.rules-watch-seconds=0", "--talent.test.identity-provider=off",
                "--talent.rate-limit.evaluations-per-minute=100000000",
                "--talent.security.users." + USER + ".password={bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD),
                "--talent.security.users." + USER + ".roles=officer,auditor",
                "--talent.security.users." + USER + ".region=370200");
        Path log = Files.createTempFile("killed-service-", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    void awaitReady(int port, Process service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service is running").isTrue();
            try {
                if (get(port, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service was not ready within 180 s");
    }

    HttpRequest evaluation(int port, String personId) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of("api-spec/examples",
                "evaluation-jinan-master-living-subsidy.request.json").toFile());
        ((ObjectNode) request.get("person")).put("id", personId);
        request.put("explain", false);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Authorization", AUTHORIZATION).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                .build();
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
