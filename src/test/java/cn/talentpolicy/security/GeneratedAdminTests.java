package cn.talentpolicy.security;

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
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh machine: no local users, no identity provider. The service makes a local administrator and prints its
 * password once at start, and the README's call to an officer endpoint works with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "talent.test.identity-provider=off")
@ExtendWith(OutputCaptureExtension.class)
class GeneratedAdminTests {

    @LocalServerPort
    int port;

    @Test
    void theGeneratedPasswordIsPrintedOnceAndOpensTheOfficerAndAdminEndpoints(CapturedOutput output) throws Exception {
        Matcher printed = Pattern.compile("Using generated password for the local administrator 'admin': (\\S+)")
                .matcher(output.getAll());
        assertThat(printed.find()).as("the password is printed at start").isTrue();
        String password = printed.group(1);
        assertThat(output.getAll().split(Pattern.quote(password), -1)).as("once").hasSize(2);

        assertThat(get("/api/v1/sweeps", "admin", password).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/rulesets/current", "admin", password).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = get("/api/v1/sweeps", "admin", password + "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().allValues("WWW-Authenticate")).as("no identity provider: Basic only")
                .containsExactly("Basic realm=\"talent-policy-engine\"");
    }

    HttpResponse<String> get(String path, String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
