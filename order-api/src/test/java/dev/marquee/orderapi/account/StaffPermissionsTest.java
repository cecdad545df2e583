package dev.marquee.orderapi.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Role;
import org.junit.jupiter.api.Test;

class StaffPermissionsTest {

    @Test
    void noOverrideIsTheRolesDefaults() {
        assertThat(Accounts.staffPermissions(null)).isEqualTo(Role.STAFF.defaults());
        assertThat(Accounts.staffPermissions(" ")).isEqualTo(Role.STAFF.defaults());
    }

    @Test
    void anOverrideMayNarrowTheDefaults() {
        var narrowed = Accounts.staffPermissions("screenings=rwm,orders=r--");
        assertThat(narrowed.has(Area.SCREENINGS, Access.MANAGE)).isTrue();
        assertThat(narrowed.has(Area.ORDERS, Access.READ)).isTrue();
        assertThat(narrowed.has(Area.ORDERS, Access.MANAGE)).isFalse();
        assertThat(narrowed.has(Area.CATALOG, Access.READ)).isFalse();
    }

    @Test
    void anOverrideBeyondTheDefaultsIsRefused() {
        assertThatThrownBy(() -> Accounts.staffPermissions("screenings=rwm,operations=r--"))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("permissions-exceed-role"));
        assertThatThrownBy(() -> Accounts.staffPermissions("orders=rw-"))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("permissions-exceed-role"));
    }

    @Test
    void anUnreadableOverrideIsRefused() {
        assertThatThrownBy(() -> Accounts.staffPermissions("screenings=all"))
                .isInstanceOfSatisfying(AccountRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("permissions-invalid"));
    }
}
