package dev.marquee.orderapi.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the catalog: what is showing, where, and which seats a hall has. */
@Component
@Transactional(readOnly = true)
public class Catalog {

    private final Screenings screenings;
    private final HallSeats seats;
    private final Movies movies;
    private final Cinemas cinemas;

    Catalog(Screenings screenings, HallSeats seats, Movies movies, Cinemas cinemas) {
        this.screenings = screenings;
        this.seats = seats;
        this.movies = movies;
        this.cinemas = cinemas;
    }

    public Optional<Screening> screening(long id) {
        return screenings.findWithHallById(id);
    }

    public List<Screening> screenings(Long movieId, Long cinemaId) {
        return screenings.search(movieId, cinemaId);
    }

    public List<HallSeat> seats(long hallId, Collection<String> labels) {
        return seats.findByHallIdAndLabelIn(hallId, labels);
    }

    /** Every sellable seat of the hall, by row and column. */
    public List<HallSeat> layout(long hallId) {
        return seats.findByHallIdOrderByGridRowAscGridColAsc(hallId);
    }

    public List<Movie> movies() {
        return movies.findAll();
    }

    public List<Cinema> cinemas() {
        return cinemas.findAll();
    }
}
