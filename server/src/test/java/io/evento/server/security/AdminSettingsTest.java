package io.evento.server.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminSettingsTest {

    @Test
    void usersAreNameRolePasswordAndThePasswordKeepsItsColons() {
        var users = AdminSettings.parseUsers(" admin:ADMIN:a:b , viewer:viewer:v ,");
        assertThat(users).containsOnlyKeys("admin", "viewer");
        assertThat(users.get("admin")).isEqualTo(new AdminSettings.Account("a:b", Role.ADMIN));
        assertThat(users.get("admin").hashed()).isFalse();
        assertThat(users.get("viewer").role()).isEqualTo(Role.VIEWER);
        assertThat(AdminSettings.parseUsers("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin:admin:", "admin:admin", ":admin:pw", "admin:root:pw"})
    void aMalformedUserEntryFailsWithoutShowingThePassword(String entry) {
        assertThatThrownBy(() -> AdminSettings.parseUsers(entry)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(":pw"));
    }

    @Test
    void tokensAreRoleToken() {
        assertThat(AdminSettings.parseTokens("admin:t1,viewer:t:2")).containsEntry("t1", Role.ADMIN).containsEntry("t:2", Role.VIEWER);
        assertThatThrownBy(() -> AdminSettings.parseTokens("admin:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdminSettings.parseTokens("secret-without-role")).hasMessageNotContaining("without-role");
    }

    @Test
    void anAdminHoldsTheViewerAndPublishGroupsButNotTheOtherWayRound() {
        assertThat(Role.ADMIN.groups()).containsExactlyInAnyOrder("admin", "viewer", "publish");
        assertThat(Role.VIEWER.groups()).containsExactly("viewer");
        assertThat(Role.PUBLISH.groups()).containsExactly("publish");
        assertThat(Role.strongest(java.util.Set.of("viewer", "publish"))).isEqualTo(Role.VIEWER);
    }

    @org.junit.jupiter.api.Nested
    class Hashes {

        private final String hash = io.evento.payara.password.PasswordHash.of("pw".toCharArray());

        @Test
        void hashedPasswordsAreAccepted() {
            var settings = settings("root:admin:" + hash);
            assertThat(settings.requireHashes(false)).isSameAs(settings);
            assertThat(settings.users().get("root").hashed()).isTrue();
        }

        @Test
        void aClearTextPasswordIsRefusedNamingTheUserButNotThePassword() {
            assertThatThrownBy(() -> settings("root:admin:" + hash + ",dev:viewer:s3cret").requireHashes(false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dev").hasMessageContaining("evento.admin.plain-passwords").hasMessageNotContaining("s3cret");
        }

        @Test
        void theDevelopmentFlagAllowsClearText() {
            assertThat(settings("dev:viewer:s3cret").requireHashes(true).users()).containsKey("dev");
        }

        @Test
        void theDefaultUsersAreHashes() {
            var users = settings(AdminSettingsProducer.DEFAULT_USERS).requireHashes(false).users();
            assertThat(users).containsOnlyKeys("admin", "viewer");
            var platform = new org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl();
            assertThat(platform.verify("evento-admin".toCharArray(), users.get("admin").secret())).isTrue();
            assertThat(platform.verify("evento-viewer".toCharArray(), users.get("viewer").secret())).isTrue();
        }

        private AdminSettings settings(String users) {
            return new AdminSettings(AdminSettings.parseUsers(users), java.util.Map.of(), java.time.Duration.ofMinutes(1),
                    java.util.Optional.empty());
        }
    }
}
