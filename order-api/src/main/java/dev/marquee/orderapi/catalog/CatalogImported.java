package dev.marquee.orderapi.catalog;

/** A catalog import was written (an application event within order-api: the demo's accounts follow it). */
public record CatalogImported() {
}
