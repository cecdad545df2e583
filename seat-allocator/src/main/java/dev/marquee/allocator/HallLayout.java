package dev.marquee.allocator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The seats of a hall: rows front to back, each row's seats left to right, and the row's segments, the
 * maximal runs of side-by-side seats between aisles and gaps.
 */
public final class HallLayout {

    private final Map<String, Seat> seats = new HashMap<>();
    private final List<List<Seat>> rows;
    private final List<List<List<Seat>>> segmentsByRow;
    private final Map<String, Place> places = new HashMap<>();

    /** Where a seat is within its segment. */
    private record Place(List<Seat> segment, int index) {
    }

    private HallLayout(List<Seat> all) {
        all.forEach(this::add);
        rows = runs(all.stream().sorted(Comparator.comparingInt(Seat::gridRow).thenComparingInt(Seat::gridCol))
                .toList(), (left, right) -> left.gridRow() == right.gridRow());
        rows.forEach(HallLayout::checkRow);
        checkRowLabelsDiffer();
        segmentsByRow = rows.stream()
                .map(row -> runs(row, (left, right) -> right.gridCol() == left.gridCol() + 1))
                .toList();
        for (List<Seat> segment : segments()) {
            for (int i = 0; i < segment.size(); i++) {
                places.put(segment.get(i).label(), new Place(segment, i));
            }
        }
        all.stream().filter(seat -> seat.type() == SeatType.LOVE_SEAT).forEach(this::checkPair);
    }

    public static HallLayout of(List<Seat> seats) {
        return new HallLayout(seats);
    }

    public Optional<Seat> seat(String label) {
        return Optional.ofNullable(seats.get(label));
    }

    /** @return rows front to back (by grid row), each with its seats left to right */
    public List<List<Seat>> rows() {
        return rows;
    }

    /** @return every segment, row by row front to back, each left to right */
    public List<List<Seat>> segments() {
        return segmentsByRow.stream().flatMap(List::stream).toList();
    }

    public int capacity() {
        return seats.size();
    }

    public int rowCount() {
        return rows.size();
    }

    /** @return the segments of the row at this index of {@link #rows()}, left to right */
    List<List<Seat>> segmentsOfRow(int rowIndex) {
        return segmentsByRow.get(rowIndex);
    }

    /** @return the seat {@code offset} places along the same segment (negative: to the left), if there is one */
    Optional<Seat> neighbour(Seat seat, int offset) {
        Place place = places.get(seat.label());
        int index = place.index() + offset;
        return index < 0 || index >= place.segment().size()
                ? Optional.empty() : Optional.of(place.segment().get(index));
    }

    private void add(Seat seat) {
        if (seats.putIfAbsent(seat.label(), seat) != null) {
            throw new IllegalArgumentException("two seats are labelled " + seat.label());
        }
    }

    private static void checkRow(List<Seat> row) {
        for (int i = 1; i < row.size(); i++) {
            Seat left = row.get(i - 1);
            Seat right = row.get(i);
            if (left.gridCol() == right.gridCol()) {
                throw new IllegalArgumentException(left.label() + " and " + right.label() + " share a place");
            }
            if (!left.rowLabel().equals(right.rowLabel())) {
                throw new IllegalArgumentException(left.label() + " and " + right.label() + " share a grid row "
                        + "but not a row label");
            }
        }
    }

    private void checkRowLabelsDiffer() {
        Set<String> labels = new HashSet<>();
        rows.forEach(row -> {
            if (!labels.add(row.getFirst().rowLabel())) {
                throw new IllegalArgumentException("two rows are labelled " + row.getFirst().rowLabel());
            }
        });
    }

    private void checkPair(Seat seat) {
        Seat pair = seats.get(seat.pairLabel());
        if (pair == null || pair.type() != SeatType.LOVE_SEAT || !seat.label().equals(pair.pairLabel())
                || pair.gridRow() != seat.gridRow()) {
            throw new IllegalArgumentException("love seat " + seat.label() + " has no other half in its row");
        }
    }

    /** Splits ordered seats into runs wherever two neighbours do not belong together. */
    private static List<List<Seat>> runs(List<Seat> ordered, BiPredicate<Seat, Seat> together) {
        List<List<Seat>> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= ordered.size(); i++) {
            if (i == ordered.size() || !together.test(ordered.get(i - 1), ordered.get(i))) {
                runs.add(List.copyOf(ordered.subList(start, i)));
                start = i;
            }
        }
        return List.copyOf(runs);
    }
}
