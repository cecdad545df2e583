package dev.marquee.orderapi.catalog.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * A hall's seat grid from rows of characters (the contract's grid: {@code S} standard, {@code W} wheelchair,
 * {@code C} companion, {@code L} love seat, {@code _} aisle, {@code .} no seat). Rows with seats are labelled A, B, …
 * from the front; seat numbers count seats from the left; two adjacent {@code L}s pair left to right. Stands in for
 * the catalog's own grid validator until that lands (same rules, same characters).
 */
final class HallGridRows {

    /** The seats, or why the grid is refused (empty when it is fine). */
    record Grid(List<GridSeat> seats, List<String> errors) {
    }

    private HallGridRows() {
    }

    static Grid parse(List<String> rows) {
        List<GridSeat> seats = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        char rowLabel = 'A';
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            int number = 0;
            boolean any = false;
            for (int c = 0; c < row.length(); c++) {
                char place = row.charAt(c);
                String type = switch (place) {
                    case 'S' -> "STANDARD";
                    case 'W' -> "WHEELCHAIR";
                    case 'C' -> "COMPANION";
                    case 'L' -> "LOVE_SEAT";
                    case '_', '.' -> null;
                    default -> {
                        errors.add("row " + (r + 1) + " col " + (c + 1) + ": unknown place '" + place
                                + "' (S, W, C, L, _ or .)");
                        yield null;
                    }
                };
                if (type == null) {
                    continue;
                }
                any = true;
                number++;
                seats.add(new GridSeat(String.valueOf(rowLabel) + number, String.valueOf(rowLabel), r + 1, c + 1, type,
                        null));
            }
            if (any) {
                rowLabel++;
            }
        }
        pairLoveSeats(seats, errors);
        checkCompanions(rows, errors);
        if (seats.isEmpty()) {
            errors.add("the hall has no seat");
        }
        return new Grid(List.copyOf(seats), List.copyOf(errors));
    }

    private static void pairLoveSeats(List<GridSeat> seats, List<String> errors) {
        for (int i = 0; i < seats.size(); i++) {
            GridSeat seat = seats.get(i);
            if (!seat.seatType().equals("LOVE_SEAT")) {
                continue;
            }
            GridSeat next = i + 1 < seats.size() ? seats.get(i + 1) : null;
            if (next == null || !next.seatType().equals("LOVE_SEAT") || next.gridRow() != seat.gridRow()
                    || next.gridCol() != seat.gridCol() + 1) {
                errors.add("row " + seat.gridRow() + " col " + seat.gridCol() + ": love seat " + seat.label()
                        + " has no partner to its right");
                continue;
            }
            seats.set(i, withPair(seat, next.label()));
            seats.set(i + 1, withPair(next, seat.label()));
            i++;
        }
    }

    private static GridSeat withPair(GridSeat seat, String pair) {
        return new GridSeat(seat.label(), seat.rowLabel(), seat.gridRow(), seat.gridCol(), seat.seatType(), pair);
    }

    private static void checkCompanions(List<String> rows, List<String> errors) {
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            for (int c = 0; c < row.length(); c++) {
                if (row.charAt(c) == 'C' && !(c > 0 && row.charAt(c - 1) == 'W')
                        && !(c + 1 < row.length() && row.charAt(c + 1) == 'W')) {
                    errors.add("row " + (r + 1) + " col " + (c + 1) + ": companion seat not next to a wheelchair place");
                }
            }
        }
    }
}
