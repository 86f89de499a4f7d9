package cn.talentpolicy.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local users are checked at start: a password in the configuration, or an officer without a region, stops it. */
class LocalUsersTests {

    static SecurityProperties.LocalUser officer(String password) {
        return new SecurityProperties.LocalUser(password, Set.of(Roles.OFFICER), "370200");
    }

    @Test
    void aPasswordIsGivenOnlyAsItsHash() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("a long secret");
        assertThat(new LocalUsers(Map.of("clerk", officer(hash)), false).loadUserByUsername("clerk").getPassword())
                .isEqualTo(hash);
        for (String notAHash : new String[]{"a long secret", "{noop}a long secret", "{bcrypt}a long secret",
                "{bcrypt}$2a$10$tooShort", "{pbkdf2}secret"}) {
            assertThatThrownBy(() -> new LocalUsers(Map.of("clerk", officer(notAHash)), false))
                    .as(notAHash).hasMessageContaining("talent.security.users.clerk.password must be a password hash")
                    .hasMessageNotContaining("secret");
        }
    }

    @Test
    void anOfficerNeedsASixDigitRegionAndRolesAreTheFourOnly() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("x");
        assertThatThrownBy(() -> new LocalUsers(Map.of("clerk", new SecurityProperties.LocalUser(hash,
                Set.of(Roles.OFFICER), null)), false)).hasMessageContaining("region is needed for an officer");
        assertThatThrownBy(() -> new LocalUsers(Map.of("clerk", new SecurityProperties.LocalUser(hash,
                Set.of(Roles.OFFICER), "Qingdao")), false)).hasMessageContaining("six-digit region code");
        assertThatThrownBy(() -> new LocalUsers(Map.of("clerk", new SecurityProperties.LocalUser(hash,
                Set.of("root"), null)), false)).hasMessageContaining("roles must name some of");
    }

    @Test
    void withoutUsersAnAdministratorIsMadeOnlyWhenAskedTo() {
        assertThat(new LocalUsers(Map.of(), false).isEmpty()).as("an identity provider is configured").isTrue();
        assertThat(new LocalUsers(Map.of(), true).loadUserByUsername("admin").getAuthorities()).hasSize(3);
    }
}
