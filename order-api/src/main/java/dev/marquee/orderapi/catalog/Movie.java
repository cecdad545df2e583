package dev.marquee.orderapi.catalog;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "movie")
public class Movie {

    @Id
    private long id;
    private String code;
    private String status;
    private String title;
    private String originalTitle;
    private String director;
    @Column(name = "cast_list")
    private String cast;
    private String genres;
    private String country;
    private String language;
    private int durationMinutes;
    private String format;
    private LocalDate openingDay;
    private String posterUrl;

    protected Movie() {
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    /** COMING_SOON, SHOWING or WITHDRAWN. */
    public String status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String originalTitle() {
        return originalTitle;
    }

    public String director() {
        return director;
    }

    public String cast() {
        return cast;
    }

    public String genres() {
        return genres;
    }

    public String country() {
        return country;
    }

    public String language() {
        return language;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public String format() {
        return format;
    }

    public LocalDate openingDay() {
        return openingDay;
    }

    public String posterUrl() {
        return posterUrl;
    }
}
