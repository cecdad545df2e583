package dev.marquee.orderapi.partner.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.marquee.orderapi.partner.PartnerApp;
import dev.marquee.orderapi.partner.PartnerAppRegistry;
import dev.marquee.support.openapi.Problem;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permissions;
import dev.marquee.support.security.Permits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner apps for operators ({@code marquee apps}): create (the secret is in this answer only), rotate the secret,
 * drop the previous one, revoke, list. Nobody grants an app more than they hold themselves.
 */
@RestController
@ConditionalOnProperty(prefix = "marquee.partners", name = "secret-key")
@RequestMapping("/api/admin/apps")
class PartnerAppsController {

    private final PartnerAppRegistry registry;

    PartnerAppsController(PartnerAppRegistry registry) {
        this.registry = registry;
    }

    /** {@code permissions} as {@code orders=rw-,catalog=r--}; {@code merchantId} null: platform-wide. */
    record CreateApp(@NotBlank @Size(max = 200) String name, Long merchantId, @NotNull String permissions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppView(String key, String name, Long merchantId, String permissions, String status,
                   Instant secretCreatedAt, Instant previousSecretCreatedAt, Instant createdAt, String secret) {

        static AppView of(PartnerApp app, String secret) {
            return new AppView(app.key(), app.name(), app.merchantId(), new Permissions(app.permissions()).toString(),
                    app.status().name(), app.current().createdAt(),
                    app.previous() == null ? null : app.previous().createdAt(), app.createdAt(), secret);
        }
    }

    @Operation(summary = "Create a partner app: its key and first secret (shown once)")
    @Problem(status = 400, code = "permissions-invalid", when = "the permission string does not parse")
    @Problem(status = 403, code = "grant-exceeds-yours", when = "an app gets at most what its creator holds")
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    @PostMapping
    ResponseEntity<AppView> create(@Valid @RequestBody CreateApp request, @AuthenticationPrincipal Caller caller) {
        Permissions grant;
        try {
            grant = Permissions.parse(request.permissions());
        } catch (IllegalArgumentException e) {
            throw new GrantRefusedException("invalid-permissions", e.getMessage(), false);
        }
        if (!caller.permissions().covers(grant) || !caller.mayActFor(request.merchantId())) {
            throw new GrantRefusedException("grant-exceeds-yours", "An app gets at most what its creator holds"
                    + " (yours: " + caller.permissions() + (caller.merchantId() == null ? ""
                    : ", merchant " + caller.merchantId()) + ").", true);
        }
        PartnerAppRegistry.Issued issued = registry.create(request.name(), request.merchantId(), grant.bits());
        return ResponseEntity.created(URI.create("/api/admin/apps/" + issued.app().key()))
                .body(AppView.of(issued.app(), issued.secret()));
    }

    /**
     * A new secret (in this answer only); the old one keeps working as the previous until the next rotation. With
     * {@code dropPrevious=true}, no new secret: the previous one stops working (every client has switched).
     */
    @Operation(summary = "Add a new secret to an app (the previous one stays valid unless dropPrevious)")
    @Problem(status = 404, code = "app-not-found", when = "no app has this key")
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    @PostMapping("/{key}/rotate")
    AppView rotate(@PathVariable String key, @RequestParam(defaultValue = "false") boolean dropPrevious) {
        if (dropPrevious) {
            return AppView.of(registry.dropPrevious(key), null);
        }
        PartnerAppRegistry.Issued issued = registry.rotate(key);
        return AppView.of(issued.app(), issued.secret());
    }

    @Operation(summary = "Revoke an app: its signed requests and tokens are refused")
    @Problem(status = 404, code = "app-not-found", when = "no app has this key")
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    @PostMapping("/{key}/revoke")
    AppView revoke(@PathVariable String key) {
        return AppView.of(registry.revoke(key), null);
    }

    @Operation(summary = "The partner apps")
    @Permits(area = Area.OPERATIONS, access = Access.MANAGE)
    @GetMapping
    List<AppView> list() {
        return registry.list().stream().map(app -> AppView.of(app, null)).toList();
    }
}
