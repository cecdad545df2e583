package dev.marquee.orderapi.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A hall of a cinema: the unit of seat locking and of partitioning. */
@Entity
@Table(name = "hall")
public class Hall {

    @Id
    private long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cinema_id")
    private Cinema cinema;

    private String name;

    protected Hall() {
    }

    public long id() {
        return id;
    }

    public Cinema cinema() {
        return cinema;
    }

    public String name() {
        return name;
    }
}
