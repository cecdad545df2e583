package dev.marquee.orderapi.account;

import java.time.Instant;

import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Role;

/** A person who signs in: a customer, a merchant's staff or an administrator, with the one grant they hold. */
record Account(long id, PhoneNumber phone, String passwordHash, Role role, Long merchantId, Permissions permissions,
               Instant bannedAt) {

    boolean banned() {
        return bannedAt != null;
    }

    /** Who this account is on a request signed in within that session. */
    Caller caller(String sessionId) {
        return new Caller(Long.toString(id), role, permissions, merchantId, sessionId);
    }

    AccountView view() {
        return new AccountView(id, phone.value(), role.name(), merchantId, permissions.bits(), permissions.toString());
    }
}
