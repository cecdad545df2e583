package dev.marquee.orderapi.partner;

import java.security.MessageDigest;
import java.time.Instant;

/**
 * A partner's client (a cinema's box-office terminal, a reseller's app): its key, its grant (permission bits, as
 * {@code Permissions}), the merchant it acts for (null: platform-wide), and two secret slots. A rotation moves the
 * current secret to {@code previous}, where it keeps working until the next rotation or until it is dropped, so
 * that clients can switch without a moment in which none works.
 */
public record PartnerApp(String key, String name, Long merchantId, int permissions, Status status,
                         AppSecret current, AppSecret previous, Instant createdAt) {

    public enum Status { ACTIVE, REVOKED }

    /** A secret (32 random bytes) and when it was made. */
    public record AppSecret(byte[] value, Instant createdAt) {
    }

    PartnerApp rotated(AppSecret fresh) {
        return new PartnerApp(key, name, merchantId, permissions, status, fresh, current, createdAt);
    }

    PartnerApp withoutPrevious() {
        return new PartnerApp(key, name, merchantId, permissions, status, current, null, createdAt);
    }

    PartnerApp revoked() {
        return new PartnerApp(key, name, merchantId, permissions, Status.REVOKED, current, previous, createdAt);
    }

    public boolean revokedNow() {
        return status == Status.REVOKED;
    }

    /**
     * Whether {@code signature} is the HMAC of {@code canonical} under the current or the previous secret. Both
     * are always computed and compared in constant time, so the answer's timing tells nothing.
     */
    boolean signed(String canonical, byte[] signature) {
        boolean byCurrent = MessageDigest.isEqual(RequestSigner.hmac(current.value(), canonical), signature);
        boolean byPrevious = previous != null
                && MessageDigest.isEqual(RequestSigner.hmac(previous.value(), canonical), signature);
        return byCurrent | byPrevious;
    }
}
