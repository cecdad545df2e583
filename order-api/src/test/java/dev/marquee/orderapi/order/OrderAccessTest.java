package dev.marquee.orderapi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.marquee.orderapi.catalog.Catalog;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class OrderAccessTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final long SCREENING = 7;
    static final long MERCHANT = 3;

    final Orders orders = mock(Orders.class);
    final Catalog catalog = mock(Catalog.class);
    final OrderAccess access = new OrderAccess(orders, catalog);
    final Order alicesOrder = Order.request("o-1", "1001", SCREENING, 1, List.of("A1"), 6000, "CNY", NOW);

    @BeforeEach
    void catalog() {
        when(orders.findById("o-1")).thenReturn(Optional.of(alicesOrder));
        when(catalog.merchantOf(SCREENING)).thenReturn(Optional.of(MERCHANT));
    }

    @Test
    void aCustomerReachesTheirOwnOrderToReadAndToPay() {
        Caller alice = person("1001", Role.CUSTOMER, null);

        assertThat(access.visible("o-1", alice)).isSameAs(alicesOrder);
        assertThat(access.own("o-1", alice)).isSameAs(alicesOrder);
    }

    @Test
    void anotherCustomersOrderIsNotFoundLikeAMissingOne() {
        Caller bob = person("1002", Role.CUSTOMER, null);

        assertThatThrownBy(() -> access.visible("o-1", bob)).isInstanceOf(OrderNotFoundException.class)
                .hasMessage(new OrderNotFoundException("o-1").getMessage());
        assertThatThrownBy(() -> access.own("o-1", bob)).isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> access.visible("o-1", null)).isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> access.visible("o-2", person("1001", Role.CUSTOMER, null)))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void staffReachTheirMerchantsOrdersToReadButNotToPayAndNoOtherMerchants() {
        assertThat(access.visible("o-1", person("9", Role.STAFF, MERCHANT))).isSameAs(alicesOrder);
        assertThatThrownBy(() -> access.own("o-1", person("9", Role.STAFF, MERCHANT)))
                .isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> access.visible("o-1", person("8", Role.STAFF, MERCHANT + 1)))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void staffCancelTheirMerchantsOrdersAndACustomerTheirOwnButAReadOnlyAppNeither() {
        assertThat(access.cancellable("o-1", person("9", Role.STAFF, MERCHANT))).isSameAs(alicesOrder);
        assertThat(access.cancellable("o-1", person("1001", Role.CUSTOMER, null))).isSameAs(alicesOrder);
        assertThatThrownBy(() -> access.cancellable("o-1", person("8", Role.STAFF, MERCHANT + 1)))
                .isInstanceOf(OrderNotFoundException.class);
        Caller readOnly = new Caller("1001", Role.APP, Permissions.of(Area.ORDERS, Access.READ), null, null);
        assertThatThrownBy(() -> access.cancellable("o-1", readOnly)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminReachesEveryOrderToRead() {
        assertThat(access.visible("o-1", person("1", Role.ADMIN, null))).isSameAs(alicesOrder);
        assertThatThrownBy(() -> access.own("o-1", person("1", Role.ADMIN, null)))
                .isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void anOrderOfAScreeningNoLongerInTheCatalogIsNoStaffMembersToManage() {
        when(catalog.merchantOf(SCREENING)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> access.visible("o-1", person("9", Role.STAFF, MERCHANT)))
                .isInstanceOf(OrderNotFoundException.class);
    }

    private static Caller person(String subject, Role role, Long merchant) {
        return new Caller(subject, role, role.defaults(), merchant, "s");
    }
}
