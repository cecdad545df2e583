package dev.marquee.allocator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Chooses seats for a customer who asks for "any N": side-by-side free standard seats in one segment, in the row
 * nearest 60% of the way back from the screen, as near the centre of that row as possible, stranding no one.
 */
public final class BestAvailable {

    private static final double IDEAL_DEPTH = 0.6;

    /** @return the labels left to right, or empty when no row has room for {@code n} together */
    public Optional<List<String>> pick(HallLayout layout, Set<String> taken, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("pick at least one seat, not " + n);
        }
        return rowsByPreference(layout.rowCount()).stream()
                .map(row -> bestBlock(layout, row, taken, n))
                .flatMap(Optional::stream)
                .findFirst()
                .map(block -> block.stream().map(Seat::label).toList());
    }

    /** @return row indices, nearest the ideal row first; of two as near, the one further back first */
    private static List<Integer> rowsByPreference(int rowCount) {
        int ideal = (int) Math.round((rowCount - 1) * IDEAL_DEPTH);
        return IntStream.range(0, rowCount).boxed()
                .sorted(Comparator.comparingInt((Integer row) -> Math.abs(row - ideal))
                        .thenComparing(Comparator.reverseOrder()))
                .toList();
    }

    private static Optional<List<Seat>> bestBlock(HallLayout layout, int row, Set<String> taken, int n) {
        List<Seat> seats = layout.rows().get(row);
        int rowCentreTwice = seats.getFirst().gridCol() + seats.getLast().gridCol();
        Comparator<List<Seat>> nearestTheCentre = Comparator
                .comparingInt((List<Seat> block) -> Math.abs(centreTwice(block) - rowCentreTwice))
                .thenComparingInt(block -> block.getFirst().gridCol());
        return layout.segmentsOfRow(row).stream()
                .flatMap(segment -> freeBlocks(segment, taken, n))
                .sorted(nearestTheCentre)
                .filter(block -> SeatRules.strandedBy(layout, taken, block).isEmpty())
                .findFirst();
    }

    private static Stream<List<Seat>> freeBlocks(List<Seat> segment, Set<String> taken, int n) {
        return IntStream.rangeClosed(0, segment.size() - n)
                .mapToObj(start -> segment.subList(start, start + n))
                .filter(block -> block.stream()
                        .allMatch(seat -> seat.type() == SeatType.STANDARD && !taken.contains(seat.label())));
    }

    /** Twice the block's centre column, to compare centres without fractions. */
    private static int centreTwice(List<Seat> block) {
        return block.getFirst().gridCol() + block.getLast().gridCol();
    }
}
