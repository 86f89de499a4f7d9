package cn.talentpolicy.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code talent.security.*}: who may call the service. The identity provider itself is Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} (issuer-uri or jwk-set-uri, audiences); these say which
 * claims carry the roles and the region, and which local users exist.
 *
 * @param users          local users by name (HTTP Basic), each with a hashed password such as
 *                       {@code {bcrypt}$2a$10$...}, roles and a region; none configured and no identity
 *                       provider: a local administrator {@code admin} with a password generated and printed
 *                       at start
 * @param rolesClaim     the JWT claim holding the caller's roles (a list, or a space- or comma-separated text)
 * @param regionClaim    the JWT claim holding the caller's six-digit region code
 * @param frameAncestors the origins whose pages may frame the checker (the portals that embed it); default the
 *                       portals of {@code talent.api.cors-allowed-origins}
 */
@ConfigurationProperties("talent.security")
public record SecurityProperties(Map<String, LocalUser> users,
                                 @DefaultValue("roles") String rolesClaim,
                                 @DefaultValue("region") String regionClaim,
                                 List<String> frameAncestors) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /** A user configured in the service: the password is only ever given hashed. */
    public record LocalUser(String password, Set<String> roles, String region) {
    }
}
