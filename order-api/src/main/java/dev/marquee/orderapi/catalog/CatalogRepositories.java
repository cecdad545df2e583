package dev.marquee.orderapi.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Screenings extends Repository<Screening, Long> {

    @Query("select s from Screening s join fetch s.hall h join fetch h.cinema join fetch s.movie where s.id = ?1")
    Optional<Screening> findWithHallById(long id);

    @Query("select s from Screening s join fetch s.hall h join fetch h.cinema c join fetch s.movie m"
            + " where (?1 is null or m.id = ?1) and (?2 is null or c.id = ?2) and s.status = 'ON_SALE'"
            + " and s.startsAt >= ?3 and s.startsAt < ?4 order by s.startsAt, s.id")
    List<Screening> search(Long movieId, Long cinemaId, Instant from, Instant to);
}

interface HallSeats extends Repository<HallSeat, HallSeat.Key> {

    List<HallSeat> findByHallIdAndLayoutVersionOrderByGridRowAscGridColAsc(long hallId, int layoutVersion);
}

interface Movies extends JpaRepository<Movie, Long> {
}

interface Cinemas extends JpaRepository<Cinema, Long> {
}
