package dev.marquee.orderapi.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A hall's seat grid drawn as rows of characters, front row first: {@code S} standard, {@code W} wheelchair place,
 * {@code C} companion seat (next to a wheelchair place), {@code L} love seat (two adjacent {@code L}s make a pair,
 * left to right), {@code _} a gap or aisle, {@code .} no seat. Rows that have seats are labelled A, B, … from the
 * front (a row of gaps is a cross aisle and takes no letter); seat numbers count seats, not gaps, from the left.
 *
 * <p>{@link #parse} never throws: a grid that breaks a rule comes back with its {@link #errors()} and no seats.
 * The HTTP API and the import share it.
 */
public record HallGrid(List<GridSeat> seats, List<LayoutError> errors) {

    public static final int MAX_ROWS = 60;
    public static final int MAX_COLUMNS = 80;

    public HallGrid {
        seats = List.copyOf(seats);
        errors = List.copyOf(errors);
    }

    public static HallGrid parse(List<String> rows) {
        List<LayoutError> errors = new ArrayList<>();
        List<GridSeat> seats = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            return new HallGrid(List.of(), List.of(new LayoutError(0, 0, "the layout has no rows")));
        }
        if (rows.size() > MAX_ROWS) {
            return new HallGrid(List.of(), List.of(new LayoutError(MAX_ROWS + 1, 0,
                    "more than " + MAX_ROWS + " rows")));
        }
        int lettered = 0;
        for (int r = 1; r <= rows.size(); r++) {
            String row = rows.get(r - 1) == null ? "" : rows.get(r - 1);
            if (row.length() > MAX_COLUMNS) {
                errors.add(new LayoutError(r, MAX_COLUMNS + 1, "more than " + MAX_COLUMNS + " columns"));
                continue;
            }
            boolean hasSeats = row.chars().anyMatch(ch -> SeatType.ofSymbol((char) ch).isPresent());
            String rowLabel = hasSeats ? rowLabel(lettered++) : "";
            new RowReader(r, row, rowLabel, seats, errors).read();
        }
        if (seats.isEmpty() && errors.isEmpty()) {
            errors.add(new LayoutError(0, 0, "the layout has no seat"));
        }
        checkUniqueLabels(seats, errors);
        return errors.isEmpty() ? new HallGrid(seats, List.of()) : new HallGrid(List.of(), errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The seats, or {@link LayoutInvalidException} with the errors. */
    public List<GridSeat> seatsOrThrow() {
        if (!valid()) {
            throw new LayoutInvalidException(errors);
        }
        return seats;
    }

    /** The seat types present in the grid (each needs a price on a screening in this hall). */
    public Set<SeatType> seatTypes() {
        Set<SeatType> types = EnumSet.noneOf(SeatType.class);
        seats.forEach(seat -> types.add(seat.seatType()));
        return types;
    }

    /** A, B, … Z, AA, AB, … */
    static String rowLabel(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : rowLabel(index / 26 - 1) + (char) ('A' + index % 26);
    }

    private static void checkUniqueLabels(List<GridSeat> seats, List<LayoutError> errors) {
        Set<String> labels = new HashSet<>();
        for (GridSeat seat : seats) {
            if (!labels.add(seat.label())) {
                errors.add(new LayoutError(seat.gridRow(), seat.gridCol(), "label " + seat.label() + " is used twice"));
            }
        }
    }

    /** One row: its seats in order, love-seat pairs and companions checked against their neighbours. */
    private record RowReader(int r, String row, String rowLabel, List<GridSeat> seats, List<LayoutError> errors) {

        void read() {
            int number = 0;
            String pendingLove = null;
            for (int c = 1; c <= row.length(); c++) {
                char symbol = row.charAt(c - 1);
                Optional<SeatType> type = SeatType.ofSymbol(symbol);
                if (type.isEmpty()) {
                    if (symbol != SeatType.GAP && symbol != SeatType.NO_SEAT) {
                        errors.add(new LayoutError(r, c, "unknown character '" + symbol
                                + "' (S, W, C, L, _ or .)"));
                    }
                    pendingLove = unpairedAt(pendingLove, c - 1);
                    continue;
                }
                String label = rowLabel + ++number;
                if (type.get() == SeatType.LOVE_SEAT) {
                    if (pendingLove == null) {
                        pendingLove = label;
                        seats.add(new GridSeat(label, rowLabel, r, c, SeatType.LOVE_SEAT, rowLabel + (number + 1)));
                    } else {
                        seats.add(new GridSeat(label, rowLabel, r, c, SeatType.LOVE_SEAT, pendingLove));
                        pendingLove = null;
                    }
                    continue;
                }
                pendingLove = unpairedAt(pendingLove, c - 1);
                if (type.get() == SeatType.COMPANION && !nextToWheelchair(c)) {
                    errors.add(new LayoutError(r, c, "a companion seat must be next to a wheelchair place"));
                }
                seats.add(new GridSeat(label, rowLabel, r, c, type.get(), null));
            }
            unpairedAt(pendingLove, row.length());
        }

        private String unpairedAt(String pendingLove, int c) {
            if (pendingLove != null) {
                errors.add(new LayoutError(r, c, "love seat " + pendingLove
                        + " has no partner (love seats come in adjacent pairs, LL)"));
            }
            return null;
        }

        private boolean nextToWheelchair(int c) {
            return symbolAt(c - 1) == SeatType.WHEELCHAIR.symbol() || symbolAt(c + 1) == SeatType.WHEELCHAIR.symbol();
        }

        private char symbolAt(int c) {
            return c >= 1 && c <= row.length() ? Character.toUpperCase(row.charAt(c - 1)) : ' ';
        }
    }
}
