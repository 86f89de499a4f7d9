package cn.talentpolicy.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.talentpolicy.security.Roles.AUDITOR;
import static cn.talentpolicy.security.Roles.OFFICER;
import static cn.talentpolicy.security.Roles.POLICY_ADMIN;

/**
 * Who may call what (the contract's {@code x-roles} on every operation says the same, and a test holds the two
 * together), how callers authenticate, and the headers every answer carries.
 * <ul>
 *     <li>The public: the checker page and its files, evaluations, the policy listing, liveness and readiness.</li>
 *     <li>Officers: certifications and sweeps (and only those made under a region inside their own: the
 *     controllers answer 404 for the rest); auditors read them across regions.</li>
 *     <li>Policy admins: ruleset reload and validation.</li>
 * </ul>
 * Callers authenticate with a bureau identity provider's JWT (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}: issuer, JWK set, audiences) or as a local user with HTTP
 * Basic. Nothing is kept between requests: no session, no cookie, so no CSRF token either.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    LocalUsers localUsers(SecurityProperties properties, ObjectProvider<JwtDecoder> jwt) {
        return new LocalUsers(properties.users(), jwt.getIfAvailable() == null);
    }

    @Bean
    CallerTokens callerTokens(SecurityProperties properties) {
        return new CallerTokens(properties);
    }

    @Bean
    WebMvcConfigurer callerArguments(CallerTokens tokens) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArguments(tokens));
            }
        };
    }

    @Bean
    RequestRejectedHandler rejectedAddresses(ObjectMapper json) {
        return new AccessProblems(json, false);
    }

    @Bean
    SecurityFilterChain access(HttpSecurity http, LocalUsers users, CallerTokens tokens,
                               ObjectProvider<JwtDecoder> jwt, ObjectMapper json, SecurityProperties properties,
                               @Value("${talent.api.cors-allowed-origins:}") List<String> portals) throws Exception {
        boolean bearer = jwt.getIfAvailable() != null;
        AccessProblems problems = new AccessProblems(json, bearer);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/evaluations").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/policies", "/api/v1/policies/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyAuthority(POLICY_ADMIN, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/certifications", "/api/v1/sweeps")
                        .hasAuthority(OFFICER)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/sweeps/*").hasAuthority(OFFICER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/certifications/*/reproduce")
                        .hasAnyAuthority(OFFICER, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/certifications/*", "/api/v1/sweeps",
                                "/api/v1/sweeps/**").hasAnyAuthority(OFFICER, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/decisions/verification").hasAuthority(AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/decisions/*", "/api/v1/people/*/decisions")
                        .hasAnyAuthority(OFFICER, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/decisions/*/replay").hasAnyAuthority(OFFICER, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/rulesets/current")
                        .hasAnyAuthority(OFFICER, POLICY_ADMIN, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/rulesets/reload", "/api/v1/rulesets/validate")
                        .hasAuthority(POLICY_ADMIN)
                        // anything else of the API or of the actuator: no one, until the contract says who
                        .requestMatchers("/api/**", "/actuator/**").denyAll()
                        .anyRequest().permitAll()) // the checker page, its scripts and styles, embed.js
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults()) // the public API's CORS (PublicApiCors) answers preflights
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .userDetailsService(users)
                .httpBasic(basic -> basic.realmName(AccessProblems.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(
                                properties.frameAncestors() != null ? properties.frameAncestors() : portals)))
                        // framing is said by the policy's frame-ancestors: X-Frame-Options cannot name origins
                        .frameOptions(frame -> frame.disable())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        if (bearer) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems).jwt(token -> token.jwtAuthenticationConverter(tokens)));
        }
        return http.build();
    }

    /**
     * Only the service's own scripts, styles and images; the API called from the page's own origin; framed only
     * by the service itself and the portals that embed the checker.
     */
    static String contentSecurityPolicy(List<String> portals) {
        String ancestors = Stream.concat(Stream.of("'self'"), portals.stream().map(String::trim)
                .filter(origin -> !origin.isEmpty())).collect(Collectors.joining(" "));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + ancestors;
    }
}
