package cn.talentpolicy.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A bureau identity provider for the tests: a key pair made when the tests start (no key is in git), whose
 * public key every test context trusts through Spring Boot's own resource-server settings, so tokens go through
 * the real filter chain. {@code talent.test.identity-provider=off} leaves a context without it (as a fresh
 * machine is).
 */
public final class TestIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String AUDIENCE = "talent-policy-engine";
    private static final KeyPair KEYS = keys();
    private static final KeyPair OTHER_KEYS = keys();
    private static final Path PUBLIC_KEY = publicKeyFile();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if ("off".equals(context.getEnvironment().getProperty("talent.test.identity-provider"))) {
            return;
        }
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("test-identity-provider", Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location", PUBLIC_KEY.toUri().toString(),
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE)));
    }

    /** {@code Bearer <token>} for an officer of the region. */
    public static String officer(String region) {
        return bearer("officer-" + region, region, List.of(Roles.OFFICER));
    }

    public static String auditor() {
        return bearer("auditor", null, List.of(Roles.AUDITOR));
    }

    public static String policyAdmin() {
        return bearer("policy-admin", null, List.of(Roles.POLICY_ADMIN));
    }

    /** {@code Bearer <token>}, valid for five minutes, with the roles and region claims. */
    public static String bearer(String subject, String region, List<String> roles) {
        return "Bearer " + token(claims(subject, region, roles, Instant.now().plus(Duration.ofMinutes(5)), AUDIENCE),
                KEYS);
    }

    public static String expired(String region) {
        return "Bearer " + token(claims("late", region, List.of(Roles.OFFICER), Instant.now().minus(
                Duration.ofMinutes(10)), AUDIENCE), KEYS);
    }

    public static String signedByAnotherKey(String region) {
        return "Bearer " + token(claims("forger", region, List.of(Roles.OFFICER), Instant.now().plus(
                Duration.ofMinutes(5)), AUDIENCE), OTHER_KEYS);
    }

    public static String forAnotherAudience(String region) {
        return "Bearer " + token(claims("elsewhere", region, List.of(Roles.OFFICER), Instant.now().plus(
                Duration.ofMinutes(5)), "another-service"), KEYS);
    }

    private static JWTClaimsSet claims(String subject, String region, List<String> roles, Instant expires,
                                       String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).audience(audience)
                .issuer("https://idp.test").issueTime(Date.from(expires.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expires)).claim("roles", roles);
        return (region == null ? claims : claims.claim("region", region)).build();
    }

    private static String token(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("test-identity-provider", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
