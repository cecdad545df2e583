package dev.marquee.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    void eachAreaHasThreeBitsLikeAFileMode() {
        assertThat(Permissions.of(Area.CATALOG, Access.READ).bits()).isEqualTo(04);
        assertThat(Permissions.of(Area.CATALOG, Access.READ, Access.WRITE, Access.MANAGE).bits()).isEqualTo(07);
        assertThat(Permissions.of(Area.SCREENINGS, Access.WRITE).bits()).isEqualTo(020);
        assertThat(Permissions.of(Area.OPERATIONS, Access.MANAGE).bits()).isEqualTo(0100000);
        assertThat(Permissions.ALL.bits()).isEqualTo(0777777);
    }

    @Test
    void readsAndWritesTheRwmForm() {
        Permissions staff = Permissions.parse("catalog=rw-,screenings=rwm,orders=r-m");
        assertThat(staff.has(Area.CATALOG, Access.WRITE)).isTrue();
        assertThat(staff.has(Area.CATALOG, Access.MANAGE)).isFalse();
        assertThat(staff.has(Area.ORDERS, Access.WRITE)).isFalse();
        assertThat(staff.has(Area.ORDERS, Access.MANAGE)).isTrue();
        assertThat(staff.toString()).isEqualTo("catalog=rw-,screenings=rwm,orders=r-m");
        assertThat(Permissions.parse(staff.toString())).isEqualTo(staff);
        assertThat(Permissions.parse("box-office=r, operations = rw")).isEqualTo(
                Permissions.of(Area.BOX_OFFICE, Access.READ).with(Area.OPERATIONS, Access.READ, Access.WRITE));
        assertThat(Permissions.parse("")).isEqualTo(Permissions.NONE);
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Permissions.parse("tickets=r")).hasMessageContaining("unknown area 'tickets'");
        assertThatThrownBy(() -> Permissions.parse("orders=rx")).hasMessageContaining("unknown permission 'x'");
        assertThatThrownBy(() -> Permissions.parse("orders")).hasMessageContaining("expected area=rwm");
        assertThatThrownBy(() -> new Permissions(01000000)).hasMessageContaining("out of range");
    }

    @Test
    void rolesGrantWhatTheirPeopleDo() {
        assertThat(Role.ADMIN.defaults().covers(Role.STAFF.defaults())).isTrue();
        assertThat(Role.STAFF.defaults().has(Area.SCREENINGS, Access.MANAGE)).isTrue();
        assertThat(Role.STAFF.defaults().has(Area.OPERATIONS, Access.READ)).isFalse();
        assertThat(Role.CUSTOMER.defaults().has(Area.ORDERS, Access.WRITE)).isTrue();
        assertThat(Role.CUSTOMER.defaults().has(Area.ORDERS, Access.MANAGE)).isFalse();
        assertThat(Role.CUSTOMER.defaults().has(Area.PAYMENTS, Access.MANAGE)).isFalse();
        assertThat(Role.ANONYMOUS.has(Area.ORDERS, Access.READ)).isFalse();
        assertThat(Role.CUSTOMER.defaults().covers(Role.ANONYMOUS)).isTrue();
    }

    @Test
    void aCallerActsForItsOwnMerchantOnlyUnlessPlatformWide() {
        Caller staff = new Caller("7", Role.STAFF, Role.STAFF.defaults(), 3L, "s1");
        Caller admin = new Caller("1", Role.ADMIN, Role.ADMIN.defaults(), null, "s2");
        assertThat(staff.mayActFor(3L)).isTrue();
        assertThat(staff.mayActFor(4L)).isFalse();
        assertThat(admin.mayActFor(4L)).isTrue();
    }
}
