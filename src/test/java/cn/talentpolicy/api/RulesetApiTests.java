package cn.talentpolicy.api;

import cn.talentpolicy.security.TestIdentityProvider;
import cn.talentpolicy.TestRules;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulesetApiTests {

    @LocalServerPort
    int port;

    @TempDir
    Path copy;

    ApiClient api;

    @BeforeEach
    void client() throws IOException {
        ContractTests.loadContract();
        api = new ApiClient(port, TestIdentityProvider.policyAdmin());
    }

    @Test
    void validatesARulesFolderSentAsAZip() throws Exception {
        TestRules.copyTo(copy);
        HttpResponse<String> valid = postZip(zip(copy, "rules/"));
        assertThat(valid.statusCode()).isEqualTo(200);
        JsonNode report = ApiClient.JSON.readTree(valid.body());
        ContractTests.assertConforms("ValidationReport", report);
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("casesRun").asInt()).isPositive();
        assertThat(report.get("rulesetVersion").asText())
                .isEqualTo(api.get("/api/v1/rulesets/current").body().get("rulesetVersion").asText());

        TestRules.replace(copy, "jinan_rent_subsidy/rent_subsidy.drl", "@source(", "@origin(");
        JsonNode broken = ApiClient.JSON.readTree(postZip(zip(copy, "")).body());
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("errors").get(0).get("file").asText()).isEqualTo("jinan_rent_subsidy/rent_subsidy.drl");
        assertThat(broken.get("errors").get(0).get("message").asText()).contains("@source");
    }

    @Test
    void anUploadedRuleThatWritesAFileIsRefusedAndWritesNothing() throws Exception {
        // the probe that once answered "valid": true and left its file behind: the bundled rules with one rule
        // in common/ whose consequence writes a file, sent with no credentials
        Path target = copy.resolveSibling(copy.getFileName() + "-written-by-a-rule.txt");
        Path rules = Files.createDirectory(copy.resolve("rules"));
        TestRules.copyTo(rules);
        Files.writeString(rules.resolve("common/probe.drl"), """
                package rules.common;

                import cn.talentpolicy.facts.Subject;

                rule "probe"
                    @policy(common) @reasonCode(PROBE) @source("a hostile upload")
                when
                    Subject( $pid : personId )
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), $pid);
                end
                """.formatted(target));
        HttpResponse<String> response = postZip(zip(rules, ""));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = ApiClient.JSON.readTree(response.body());
        ContractTests.assertConforms("ValidationReport", report);
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("casesRun").asInt()).isZero();
        assertThat(report.get("errors").get(0).get("file").asText()).isEqualTo("common/probe.drl");
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(10);
        assertThat(report.get("errors").get(0).get("message").asText())
                .contains("java.nio.file.Files is outside the rule vocabulary");
        assertThat(target).doesNotExist();
    }

    @Test
    void refusesAnArchiveThatHoldsAnotherArchive() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("rules/common/payload.jar"));
            zip.write(new byte[] {'P', 'K', 3, 4});
            zip.closeEntry();
        }
        HttpResponse<String> response = postZip(bytes.toByteArray());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("rules/common/payload.jar is not a rules file");
    }

    @Test
    void refusesAnArchiveThatReachesOutsideItsFolder() throws Exception {
        ContractTests.loadContract();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../../escape.drl"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        HttpResponse<String> response = postZip(bytes.toByteArray());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("outside the folder");
    }

    @Test
    void reloadingTheUnchangedRulesKeepsTheSameVersionServing() {
        String before = api.get("/api/v1/rulesets/current").body().get("rulesetVersion").asText();
        ApiClient.Response reload = api.post("/api/v1/rulesets/reload", new byte[0]);
        assertThat(reload.status()).isEqualTo(200);
        ContractTests.assertConforms("RulesetReload", reload.body());
        assertThat(reload.body().get("accepted").asBoolean()).isTrue();
        assertThat(reload.body().get("servingVersion").asText()).isEqualTo(before);
        JsonNode current = api.get("/api/v1/rulesets/current").body();
        ContractTests.assertConforms("RulesetCurrent", current);
        assertThat(current.get("history")).isNotEmpty();
    }

    HttpResponse<String> postZip(byte[] body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/rulesets/validate"))
                .header("Content-Type", "application/zip")
                .header("Authorization", TestIdentityProvider.policyAdmin()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static byte[] zip(Path folder, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
