package cn.talentpolicy.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells the {@link Caller} from an authentication: a JWT's roles and region from the claims
 * {@code talent.security.roles-claim} and {@code region-claim} name, a local user's from its configuration. Roles
 * other than those of {@link Roles} are ignored, and a token that says officer without a six-digit region is
 * not an officer: an officer with no region could see nothing, or, if unchecked, everything.
 */
public final class CallerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private final String rolesClaim;
    private final String regionClaim;

    CallerTokens(SecurityProperties properties) {
        this.rolesClaim = properties.rolesClaim();
        this.regionClaim = properties.regionClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String region = region(jwt);
        Set<String> roles = new TreeSet<>(claimedRoles(jwt.getClaim(rolesClaim)));
        roles.retainAll(Roles.ALL);
        if (region == null) {
            roles.remove(Roles.OFFICER);
        }
        List<GrantedAuthority> authorities = roles.stream().map(SimpleGrantedAuthority::new)
                .collect(Collectors.toList());
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** The caller behind an authentication (null or anonymous: the public). */
    public Caller caller(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication.getPrincipal() instanceof String) { // anonymous
            return new Caller("anonymous", Set.of(), null);
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(Roles.ALL::contains).collect(Collectors.toSet());
        if (authentication instanceof JwtAuthenticationToken token) {
            return new Caller(token.getName(), roles, region(token.getToken()));
        }
        if (authentication.getPrincipal() instanceof LocalUsers.RegionalUser user) {
            return new Caller(user.getUsername(), roles, user.region());
        }
        return new Caller(authentication.getName(), roles, null);
    }

    private String region(Jwt jwt) {
        Object claim = jwt.getClaims().get(regionClaim);
        String region = claim == null ? null : claim.toString();
        return region != null && REGION.matcher(region).matches() ? region : null;
    }

    private static Collection<String> claimedRoles(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
