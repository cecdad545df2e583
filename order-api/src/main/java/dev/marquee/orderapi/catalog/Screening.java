package dev.marquee.orderapi.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A movie shown in a hall at a time, with a price per seat type. */
@Entity
@Table(name = "screening")
public class Screening {

    @Id
    private long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "movie_id")
    private Movie movie;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hall_id")
    private Hall hall;

    private Instant startsAt;
    private Instant endsAt;
    private String currency;
    private int layoutVersion;
    private String status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "screening_price", joinColumns = @JoinColumn(name = "screening_id"))
    @MapKeyColumn(name = "seat_type")
    @Column(name = "amount_minor")
    private Map<String, Long> prices = new HashMap<>();

    protected Screening() {
    }

    public long id() {
        return id;
    }

    public Movie movie() {
        return movie;
    }

    public Hall hall() {
        return hall;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String currency() {
        return currency;
    }

    /** The version of its hall's layout the screening was scheduled with (the seats it sells). */
    public int layoutVersion() {
        return layoutVersion;
    }

    /** SCHEDULED (not yet on sale), ON_SALE or CANCELLED. */
    public String status() {
        return status;
    }

    /** On sale and not yet started: orders are accepted. */
    public boolean isOpenAt(Instant now) {
        return "ON_SALE".equals(status) && now.isBefore(startsAt);
    }

    /** The price of a seat of this type, in minor units of {@link #currency()}; empty when the type is not sold. */
    public Optional<Long> priceOf(String seatType) {
        return Optional.ofNullable(prices.get(seatType));
    }

    public Map<String, Long> prices() {
        return Map.copyOf(prices);
    }
}
