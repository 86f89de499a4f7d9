package cn.talentpolicy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP client for the service under test: real requests through the real filters and converters. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    record Response(int status, String contentType, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** A client with no credentials: the public. */
    ApiClient(int port) {
        this(port, null);
    }

    /** A client that sends this Authorization header (see TestIdentityProvider). */
    ApiClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    Response post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    private Response send(HttpRequest unsigned) {
        HttpRequest request = authorization == null ? unsigned
                : HttpRequest.newBuilder(unsigned, (name, value) -> true).header("Authorization", authorization)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    text.isEmpty() ? null : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
