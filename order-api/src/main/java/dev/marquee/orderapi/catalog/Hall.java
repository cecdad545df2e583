package dev.marquee.orderapi.catalog;

/** A hall of a cinema: the unit of seat locking and of partitioning. */
public record Hall(long id, Cinema cinema, String name) {
}
