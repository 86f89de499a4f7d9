package cn.talentpolicy.storage;

import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.security.TestIdentityProvider;
import cn.talentpolicy.sweeps.TestPopulation;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data directory's size cap: uploads are taken until the next would take it past the cap, which is refused
 * with a 507 problem response (a certification too, nothing of it recorded), nothing of it kept; deleting sweeps
 * frees the space. The database is elsewhere here, as a PostgreSQL server would be, so that what is counted is
 * the uploads alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataDirectoryCapTests {

    static final Path DATA = emptyFolder();
    static final Path DATABASE = emptyFolder();
    static final long CAP = 20_000;
    static final String OFFICER = TestIdentityProvider.officer(Regions.QINGDAO);

    @DynamicPropertySource
    static void capped(DynamicPropertyRegistry registry) {
        registry.add("talent.data-dir", DATA::toString);
        registry.add("talent.data-dir-max-bytes", () -> CAP);
        registry.add("spring.datasource.url", () -> Database.embeddedUrl(DATABASE));
        registry.add("spring.datasource.username", () -> "sa");
    }

    @LocalServerPort
    int port;

    @Test
    void whatWouldTakeTheDataDirectoryPastItsCapIsRefusedWith507AndNothingIsKeptUntilSpaceIsFreed()
            throws Exception {
        byte[] small = TestPopulation.jsonl(1, 0);
        assertThat(small.length).isLessThan((int) CAP / 5);
        List<String> accepted = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            HttpResponse<String> response = post("/api/v1/sweeps?asOf=2026-11-28", "application/x-ndjson", small);
            if (response.statusCode() == 202) {
                accepted.add(new ObjectMapper().readTree(response.body()).get("sweepId").asText());
            } else {
                refused = response;
            }
        }
        assertThat(accepted).as("what fits is taken").isNotEmpty().hasSizeLessThan(50);
        assertThat(refused.statusCode()).isEqualTo(507);
        assertThat(new ObjectMapper().readTree(refused.body()).get("type").asText())
                .isEqualTo("/problems/data-directory-full");
        try (Stream<Path> sweeps = Files.list(DATA.resolve("sweeps"))) {
            assertThat(sweeps.count()).as("nothing of the refused upload is kept").isEqualTo(accepted.size());
        }
        HttpResponse<String> certification = post("/api/v1/certifications", "application/json",
                Files.readAllBytes(Path.of("api-spec/examples/certification-overseas-postdoc.request.json")));
        assertThat(certification.statusCode()).isEqualTo(507);
        HttpResponse<String> recorded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/people/example-cert-postdoc/decisions"))
                .header("Authorization", OFFICER).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(new ObjectMapper().readTree(recorded.body()).get("decisions")).as("nothing recorded").isEmpty();

        for (String id : accepted) {
            assertThat(delete("/api/v1/sweeps/" + id).statusCode()).isEqualTo(204);
        }
        assertThat(post("/api/v1/sweeps?asOf=2026-11-28", "application/x-ndjson", small).statusCode())
                .as("deleting frees the space at once").isEqualTo(202);
    }

    HttpResponse<String> delete(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", OFFICER).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).header("Authorization", OFFICER)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Path emptyFolder() {
        try {
            return Files.createTempDirectory("capped-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
