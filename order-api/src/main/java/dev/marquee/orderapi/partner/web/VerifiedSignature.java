package dev.marquee.orderapi.partner.web;

/**
 * The credentials of a caller authenticated by a request signature (not by a bearer token): what
 * {@link SignedAppsOnly} looks for, so a token cannot be traded for another token without the app's secret.
 */
public record VerifiedSignature(String appKey) {
}
