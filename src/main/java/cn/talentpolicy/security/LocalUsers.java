package cn.talentpolicy.security;

import cn.talentpolicy.facts.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The local users of {@code talent.security.users}, for HTTP Basic. Their passwords are given hashed (a
 * {@code {bcrypt}}, {@code {argon2}}, {@code {pbkdf2}} or {@code {scrypt}} hash; plain text is refused at start).
 * With no users and no identity provider configured, as on a fresh machine, there is one: {@code admin}, with
 * every role, an officer for the province, and a password generated at start and printed once, as Spring
 * Boot does for its own default user.
 */
public final class LocalUsers implements UserDetailsService {

    /** A local user's region, kept with the user so that a caller can be told from its authentication. */
    static final class RegionalUser extends User {
        private final String region;

        RegionalUser(String name, String passwordHash, Set<String> roles, String region) {
            super(name, passwordHash, AuthorityUtils.createAuthorityList(roles.toArray(String[]::new)));
            this.region = region;
        }

        String region() {
            return region;
        }
    }

    static final String GENERATED_ADMIN = "admin";
    /**
     * A hash, not a password with a hash's prefix: bcrypt's own form, or the long hex or Base64 text of
     * Spring Security's pbkdf2, scrypt and argon2 encoders.
     */
    private static final Pattern HASHED = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}"
            + "|\\{(pbkdf2|scrypt|argon2)(@SpringSecurity_v5_8)?}[$A-Za-z0-9+/=.,_-]{40,}");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, RegionalUser> users = new LinkedHashMap<>();

    /**
     * @param generateAdmin whether to make the generated administrator when no users are configured (not when
     *                      an identity provider is)
     */
    LocalUsers(Map<String, SecurityProperties.LocalUser> configured, boolean generateAdmin) {
        configured.forEach((name, user) -> users.put(name, checked(name, user)));
        if (users.isEmpty() && generateAdmin) {
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            users.put(GENERATED_ADMIN, new RegionalUser(GENERATED_ADMIN, encoder.encode(password), Roles.ALL,
                    Regions.SHANDONG));
            log.warn("""

                    Using generated password for the local administrator '{}': {}
                    ({}, for region {}). It lasts until the service stops. Configure talent.security.users or an \
                    identity provider (spring.security.oauth2.resourceserver.jwt.*) before anyone else can reach \
                    this service.
                    """, GENERATED_ADMIN, password, String.join(", ", new TreeSet<>(Roles.ALL)), Regions.SHANDONG);
        }
    }

    boolean isEmpty() {
        return users.isEmpty();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        RegionalUser user = users.get(name);
        if (user == null) {
            throw new UsernameNotFoundException("no such local user");
        }
        // a copy: Spring Security erases the password of what it authenticated
        return new RegionalUser(user.getUsername(), user.getPassword(), names(user), user.region());
    }

    private static Set<String> names(User user) {
        Set<String> roles = new TreeSet<>();
        user.getAuthorities().forEach(a -> roles.add(a.getAuthority()));
        return roles;
    }

    private static RegionalUser checked(String name, SecurityProperties.LocalUser user) {
        String where = "talent.security.users." + name;
        if (user.password() == null || !HASHED.matcher(user.password()).matches()) {
            throw new IllegalStateException(where + ".password must be a password hash such as {bcrypt}$2a$10$..."
                    + " (never the password itself; see README, Running it for real)");
        }
        Set<String> roles = user.roles() == null ? Set.of() : user.roles();
        if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            throw new IllegalStateException(where + ".roles must name some of " + new TreeSet<>(Roles.ALL)
                    + "; it names " + roles);
        }
        if (user.region() != null && !REGION.matcher(user.region()).matches()) {
            throw new IllegalStateException(where + ".region must be a six-digit region code such as 370200");
        }
        if (roles.contains(Roles.OFFICER) && user.region() == null) {
            throw new IllegalStateException(where + ".region is needed for an officer (370200 for Qingdao's bureau,"
                    + " 370000 for the province)");
        }
        return new RegionalUser(name, user.password(), roles, user.region());
    }
}
