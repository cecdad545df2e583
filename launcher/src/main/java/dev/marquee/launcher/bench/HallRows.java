package dev.marquee.launcher.bench;

import java.util.List;
import java.util.Random;

/** The sellable seats of a screening's hall, row by row in grid order: what a flash crowd picks from. */
record HallRows(List<List<String>> rows) {

    HallRows {
        rows = rows.stream().map(List::copyOf).toList();
        if (rows.isEmpty() || rows.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a hall needs at least one row of seats");
        }
    }

    int capacity() {
        return rows.stream().mapToInt(List::size).sum();
    }

    /**
     * What one fan asks for: 1 to {@code maxSeats} neighbouring seats of a random row (fewer if the row is
     * shorter), so that fans compete for overlapping blocks as they do at a real sale.
     */
    List<String> randomBlock(Random random, int maxSeats) {
        List<String> row = rows.get(random.nextInt(rows.size()));
        int count = Math.min(1 + random.nextInt(maxSeats), row.size());
        int first = random.nextInt(row.size() - count + 1);
        return row.subList(first, first + count);
    }
}
