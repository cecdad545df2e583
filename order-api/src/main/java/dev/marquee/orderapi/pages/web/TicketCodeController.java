package dev.marquee.orderapi.pages.web;

import java.time.Duration;
import java.util.regex.Pattern;

import dev.marquee.orderapi.pages.TicketCodes;
import dev.marquee.support.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket's code as a QR code for the order page. Public: it draws whatever code the path names and looks
 * nothing up, so it tells no one anything they did not send (the code itself comes from the signed-in order).
 */
@RestController
class TicketCodeController {

    private static final Pattern TICKET_CODE = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Operation(summary = "A ticket code as a QR image (SVG)")
    @PublicEndpoint
    @GetMapping(path = "/pages/tickets/{code}.svg", produces = "image/svg+xml")
    ResponseEntity<String> qr(@PathVariable String code) {
        if (!TICKET_CODE.matcher(code).matches()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(TicketCodes.svg(code));
    }
}
