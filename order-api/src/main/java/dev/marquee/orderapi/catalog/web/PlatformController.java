package dev.marquee.orderapi.catalog.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.marquee.orderapi.catalog.CinemaDetails;
import dev.marquee.orderapi.catalog.Licensing;
import dev.marquee.orderapi.catalog.MerchantDirectory;
import dev.marquee.orderapi.catalog.MovieCatalog;
import dev.marquee.orderapi.catalog.MovieDetails;
import dev.marquee.support.security.Access;
import dev.marquee.support.security.Area;
import dev.marquee.support.security.Caller;
import dev.marquee.support.security.Permits;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform end: merchants, their cinemas, movies and licences. Merchants, movies and licences are the
 * platform's own (a caller acting for one merchant is refused {@code forbidden-merchant}); a cinema may be added or
 * changed by its merchant's staff too.
 */
@RestController
class PlatformController {

    private final MerchantDirectory merchants;
    private final MovieCatalog movies;
    private final Licensing licences;

    PlatformController(MerchantDirectory merchants, MovieCatalog movies, Licensing licences) {
        this.merchants = merchants;
        this.movies = movies;
        this.licences = licences;
    }

    record NewMerchant(String code, String name) {
    }

    record NewLicence(Long cinemaId, Long movieId, LocalDate validFrom, LocalDate validTo) {
    }

    @PostMapping("/api/admin/merchants")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.CATALOG, access = Access.MANAGE)
    MerchantDirectory.Merchant createMerchant(@RequestBody NewMerchant body, @AuthenticationPrincipal Caller caller) {
        return merchants.createMerchant(caller.merchantId(), body.code(), body.name());
    }

    @GetMapping("/api/admin/merchants")
    @Permits(area = Area.CATALOG, access = Access.MANAGE)
    List<MerchantDirectory.Merchant> merchants(@AuthenticationPrincipal Caller caller) {
        return merchants.merchants(caller.merchantId());
    }

    @PostMapping("/api/admin/merchants/{id}/cinemas")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.CATALOG, access = Access.WRITE)
    Map<String, Long> createCinema(@PathVariable long id, @RequestBody CinemaDetails body,
                                   @AuthenticationPrincipal Caller caller) {
        return Map.of("id", merchants.createCinema(caller.merchantId(), id, body));
    }

    @PutMapping("/api/admin/cinemas/{id}")
    @Permits(area = Area.CATALOG, access = Access.WRITE)
    Map<String, Long> updateCinema(@PathVariable long id, @RequestBody CinemaDetails body,
                                   @AuthenticationPrincipal Caller caller) {
        merchants.updateCinema(caller.merchantId(), id, body);
        return Map.of("id", id);
    }

    @PostMapping("/api/admin/movies")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.CATALOG, access = Access.WRITE)
    Map<String, Long> createMovie(@RequestBody MovieDetails body, @AuthenticationPrincipal Caller caller) {
        return Map.of("id", movies.create(caller.merchantId(), body));
    }

    @PutMapping("/api/admin/movies/{id}")
    @Permits(area = Area.CATALOG, access = Access.WRITE)
    Map<String, Long> updateMovie(@PathVariable long id, @RequestBody MovieDetails body,
                                  @AuthenticationPrincipal Caller caller) {
        movies.update(caller.merchantId(), id, body);
        return Map.of("id", id);
    }

    @PostMapping("/api/admin/licences")
    @ResponseStatus(HttpStatus.CREATED)
    @Permits(area = Area.CATALOG, access = Access.MANAGE)
    NewLicence grant(@RequestBody NewLicence body, @AuthenticationPrincipal Caller caller) {
        licences.grant(caller.merchantId(), body.cinemaId(), body.movieId(), body.validFrom(), body.validTo());
        return body;
    }

    @DeleteMapping("/api/admin/licences/{cinemaId}/{movieId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Permits(area = Area.CATALOG, access = Access.MANAGE)
    void revoke(@PathVariable long cinemaId, @PathVariable long movieId, @AuthenticationPrincipal Caller caller) {
        licences.revoke(caller.merchantId(), cinemaId, movieId);
    }
}
