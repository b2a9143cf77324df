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
    void anAdminMayDoWhatAViewerMayButNotTheOtherWayRound() {
        assertThat(Role.ADMIN.includes(Role.VIEWER)).isTrue();
        assertThat(Role.ADMIN.includes(Role.ADMIN)).isTrue();
        assertThat(Role.VIEWER.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.ADMIN)).isFalse();
    }
}
