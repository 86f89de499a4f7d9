package cn.talentpolicy.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 as RFC 9457 problem responses, like every other error of the service. A 401 says in
 * {@code WWW-Authenticate} how to authenticate (Basic, and Bearer when an identity provider is configured, with
 * the token's error as RFC 6750 words it); its detail says what was wrong with the credentials, never what they
 * were.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final URI UNAUTHORIZED = URI.create("/problems/unauthorized");
    static final URI FORBIDDEN = URI.create("/problems/forbidden");
    static final URI REJECTED = URI.create("/problems/rejected-address");
    static final String REALM = "talent-policy-engine";

    private final ObjectMapper json;
    private final boolean bearer;
    private final BearerTokenAuthenticationEntryPoint bearerEntry = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    AccessProblems(ObjectMapper json, boolean bearer) {
        this.json = json;
        this.bearer = bearer;
        bearerEntry.setRealmName(REALM);
        bearerDenied.setRealmName(REALM);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail;
        if (bearer && sentBearer(request)) {
            bearerEntry.commence(request, response, e); // WWW-Authenticate: Bearer error="invalid_token", ...
            detail = e instanceof InvalidBearerTokenException ? "The bearer token was refused: " + e.getMessage()
                    : "The bearer token was refused";
        } else {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            }
            detail = request.getHeader("Authorization") == null
                    ? "This needs credentials: " + (bearer ? "a bearer token from the bureau's identity provider or "
                    : "") + "a local user's name and password (HTTP Basic)"
                    : "The name or password is wrong";
        }
        write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized", detail, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (bearer && sentBearer(request)) {
            bearerDenied.handle(request, response, e);
        }
        write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden",
                "Your role may not do this: " + request.getMethod() + " " + request.getRequestURI()
                        + " (the contract's x-roles for each operation say which may)", request);
    }

    /** An address the firewall refuses (encoded dots or slashes, say): refused before any controller sees it. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, HttpStatus.BAD_REQUEST, REJECTED, "Rejected address",
                "The request's address was refused: " + e.getMessage(), request);
    }

    private static boolean sentBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail,
                       HttpServletRequest request) throws IOException {
        write(json, response, status, type, title, detail, request);
    }

    /**
     * Answers with a problem response from a filter, before any controller (and so before ProblemResponses) is
     * reached.
     */
    static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, URI type, String title,
                      String detail, HttpServletRequest request) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        try {
            problem.setInstance(new URI(request.getRequestURI()));
        } catch (java.net.URISyntaxException unparseable) { // a refused address may be no URI at all
            problem.setInstance(URI.create("/"));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
