package cn.talentpolicy.security;

import cn.talentpolicy.facts.Regions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's facts, names and ID numbers stay out of the logs and out of problem responses, on the evaluation,
 * certification and sweep paths, bad input included (structured JSON logs carry the same messages); and what the
 * service writes is the service user's only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"talent.data-dir=target/test-data-personal", "logging.level.cn.talentpolicy=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTests {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Recognisable values: an ID-number-shaped person id, an unusual birth date, an employer's name. */
    static final String ID_NUMBER = "370202199307191234";
    static final String BIRTH_DATE = "1993-07-19";
    static final String EMPLOYER = "Zhang San Trading Co";
    static final String OFFICER = TestIdentityProvider.officer(Regions.QINGDAO);

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noLogLineOrProblemCarriesAPersonsFactsAndTheFilesAreTheServicesOnly(CapturedOutput output) throws Exception {
        ObjectNode evaluation = (ObjectNode) JSON.readTree(Path.of(
                "api-spec/examples/evaluation-jinan-master-living-subsidy.request.json").toFile());
        ((ObjectNode) evaluation.get("person")).put("id", ID_NUMBER).put("birthDate", BIRTH_DATE);
        assertThat(post("/api/v1/evaluations", null, "application/json", JSON.writeValueAsBytes(evaluation))
                .statusCode()).isEqualTo(200);

        ObjectNode born = evaluation.deepCopy();
        ((ObjectNode) born.get("person")).put("birthDate", "2093-07-19");
        HttpResponse<String> future = post("/api/v1/evaluations", null, "application/json",
                JSON.writeValueAsBytes(born));
        ObjectNode badDate = evaluation.deepCopy();
        ((ObjectNode) badDate.get("person")).put("birthDate", "1993-02-30").put("hukouRegion", "37ab");
        HttpResponse<String> impossible = post("/api/v1/evaluations", null, "application/json",
                JSON.writeValueAsBytes(badDate));
        for (HttpResponse<String> problem : List.of(future, impossible)) {
            assertThat(problem.statusCode()).isEqualTo(400);
            assertThat(problem.body()).as("the problem names the field and the rule, not the value")
                    .contains("person.birthDate").doesNotContain("2093-07-19", "1993-02-30", "37ab", ID_NUMBER);
        }

        HttpResponse<String> broken = post("/api/v1/evaluations", null, "application/json",
                ("{\"person\": {\"id\": " + ID_NUMBER + "x}}").getBytes(StandardCharsets.UTF_8));
        ObjectNode badId = evaluation.deepCopy();
        ((ObjectNode) badId.get("person")).put("id", ID_NUMBER + " " + EMPLOYER);
        HttpResponse<String> misshapen = post("/api/v1/evaluations", null, "application/json",
                JSON.writeValueAsBytes(badId));
        for (HttpResponse<String> problem : List.of(broken, misshapen)) {
            assertThat(problem.statusCode()).isEqualTo(400);
            assertThat(problem.body()).doesNotContain(ID_NUMBER, EMPLOYER);
        }

        ObjectNode certification = (ObjectNode) JSON.readTree(Path.of(
                "api-spec/examples/certification-overseas-postdoc.request.json").toFile());
        certification.put("personId", ID_NUMBER);
        certification.get("records").forEach(record -> {
            if (record.has("birthDate")) {
                ((ObjectNode) record).put("birthDate", BIRTH_DATE);
            }
            if (record.has("employerName")) {
                ((ObjectNode) record).put("employerName", EMPLOYER);
            }
        });
        HttpResponse<String> certified = post("/api/v1/certifications", OFFICER, "application/json",
                JSON.writeValueAsBytes(certification));
        assertThat(certified.statusCode()).as(certified.body()).isEqualTo(200);

        String line = JSON.writeValueAsString(certification.without(List.of("asOf", "policies")));
        String population = line + "\n" + line.replace(ID_NUMBER, ID_NUMBER + "X") + "\n{\"personId\": \""
                + ID_NUMBER + "\", \"records\": [{\"source\": \"HUKOU\", \"birthDate\": \"" + BIRTH_DATE + "\"\n";
        HttpResponse<String> sweep = post("/api/v1/sweeps?asOf=2026-11-28", OFFICER, "application/x-ndjson",
                population.getBytes(StandardCharsets.UTF_8));
        assertThat(sweep.statusCode()).isEqualTo(202);
        String id = JSON.readTree(sweep.body()).get("sweepId").asText();
        for (int i = 0; i < 600 && !get("/api/v1/sweeps/" + id).contains("\"DONE\""); i++) {
            Thread.sleep(50);
        }
        assertThat(get("/api/v1/sweeps/" + id + "/claimable")).as("the sweep did read the person").contains(ID_NUMBER);
        assertThat(get("/api/v1/sweeps/" + id + "/rejects")).as("and rejected the broken line").contains("\"line\"");

        assertThat(output.getAll()).as("the service did log (at DEBUG, even)").contains(id)
                .doesNotContain(ID_NUMBER, BIRTH_DATE, "2093-07-19", "1993-02-30", EMPLOYER);

        HttpResponse<String> reload = post("/api/v1/rulesets/reload", TestIdentityProvider.policyAdmin(),
                "application/json", new byte[0]);
        assertThat(reload.statusCode()).as("a reload writes the ruleset history").isEqualTo(200);
        Path data = Path.of("target/test-data-personal");
        assertThat(data.resolve("rulesets/history.jsonl")).exists();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertThat(mode).as("%s is the service user's only", p)
                        .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
    }

    HttpResponse<String> post(String path, String authorization, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", OFFICER).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
    }
}
