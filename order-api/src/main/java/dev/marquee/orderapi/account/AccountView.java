package dev.marquee.orderapi.account;

/** An account as the API shows it: no password hash. {@code permissionsText} is {@code permissions} as rwx. */
public record AccountView(long id, String phone, String role, Long merchantId, int permissions,
                          String permissionsText) {
}
