package dev.marquee.orderapi.account;

/**
 * A request about accounts refused, with the HTTP status and the problem code the edge answers (README lists them):
 * {@code credentials-invalid} 401, {@code account-banned} 403, {@code phone-taken} 409, {@code password-weak},
 * {@code phone-invalid}, {@code permissions-invalid}, {@code permissions-exceed-role}, {@code merchant-unknown} 400,
 * {@code refresh-invalid} 401, {@code account-not-found} 404. Nothing was written.
 */
public class AccountRefusedException extends RuntimeException {

    private final int status;
    private final String code;

    AccountRefusedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static AccountRefusedException credentialsInvalid() {
        return new AccountRefusedException(401, "credentials-invalid", "Unknown phone or wrong password.");
    }

    static AccountRefusedException refreshInvalid() {
        return new AccountRefusedException(401, "refresh-invalid",
                "The refresh token is unknown, expired, revoked or already used; sign in again.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
