package cn.talentpolicy.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The public evaluation endpoint's limit per client: {@code talent.rate-limit.evaluations-per-minute} (default
 * 120) evaluations a minute from one client address, refilled evenly, as a Bucket4j token bucket per client
 * (kept for clients seen in the last 10 minutes, at most 100,000 of them). Past it, a 429 problem response with
 * {@code Retry-After} in seconds. Behind a gateway, the client is the address the gateway forwards
 * ({@code server.forward-headers-strategy=native}); otherwise every portal user would share the gateway's.
 */
@Component
public class EvaluationRateLimit extends OncePerRequestFilter {

    static final URI TOO_MANY = URI.create("/problems/too-many-requests");

    private final long perMinute;
    private final ObjectMapper json;
    private final LoadingCache<String, Bucket> buckets;

    public EvaluationRateLimit(@Value("${talent.rate-limit.evaluations-per-minute:120}") long perMinute,
                               ObjectMapper json) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("talent.rate-limit.evaluations-per-minute must be positive");
        }
        this.perMinute = perMinute;
        this.json = json;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10))
                .build(client -> Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the path inside the application, so that a context path does not take the limit away
        return !("POST".equals(request.getMethod()) && "/api/v1/evaluations".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setHeader("Retry-After", Long.toString(seconds));
        AccessProblems.write(json, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, "Too many requests",
                "More than " + perMinute + " evaluations a minute from this client; try again in " + seconds + " s",
                request);
    }
}
