package dev.marquee.allocator;

/** Where the allocator finds a hall's seat grid. */
public interface Halls {

    HallLayout of(long hallId);
}
