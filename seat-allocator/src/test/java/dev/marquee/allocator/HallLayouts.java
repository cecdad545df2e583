package dev.marquee.allocator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws halls and seat states as text, one line per row, front row (nearest the screen) first, the row label
 * then one character per grid column; spaces between characters are optional.
 * <pre>
 * A  W C . S S S S . C W      S standard, W wheelchair, C companion, L love seat, . gap
 * H  L L L L . L L S          side-by-side love seats pair up left to right
 * </pre>
 * States use the same grid: {@code X} taken, {@code _} free, {@code O} this order's seats, {@code .} gap.
 * Seats are numbered within their row from 1, left to right, gaps not counted.
 */
final class HallLayouts {

    private HallLayouts() {
    }

    static HallLayout hall(String drawing) {
        List<Seat> seats = new ArrayList<>();
        List<Line> lines = lines(drawing);
        for (int i = 0; i < lines.size(); i++) {
            seats.addAll(seatsOf(lines.get(i), i + 1));
        }
        return HallLayout.of(seats);
    }

    /** A hall of one row, A, of standard seats wherever the state shows a seat, e.g. {@code "XX_O.__"}. */
    static HallLayout row(String state) {
        return hall("A " + state.replaceAll("[^.\\s]", "S"));
    }

    /** @return the labels drawn as {@code mark} in a state drawing, row by row, left to right */
    static Set<String> marked(HallLayout layout, String stateDrawing, char mark) {
        Set<String> labels = new LinkedHashSet<>();
        for (Line line : lines(stateDrawing)) {
            List<Seat> row = rowOf(layout, line.rowLabel());
            if (!state(layout, line.rowLabel(), Set.of(), Set.of()).equals(line.cells().replaceAll("[^.]", "_"))) {
                throw new IllegalArgumentException("state does not fit the seats of row " + line.rowLabel());
            }
            row.stream().filter(seat -> line.cells().charAt(seat.gridCol() - 1) == mark)
                    .forEach(seat -> labels.add(seat.label()));
        }
        return labels;
    }

    static Set<String> taken(HallLayout layout, String stateDrawing) {
        return marked(layout, stateDrawing, 'X');
    }

    /** Draws one row's state from column 1 to its last seat. */
    static String state(HallLayout layout, String rowLabel, Set<String> taken, Collection<String> ordered) {
        List<Seat> row = rowOf(layout, rowLabel);
        char[] cells = ".".repeat(row.getLast().gridCol()).toCharArray();
        for (Seat seat : row) {
            cells[seat.gridCol() - 1] = taken.contains(seat.label()) ? 'X'
                    : ordered.contains(seat.label()) ? 'O' : '_';
        }
        return new String(cells);
    }

    static String state(HallLayout layout, String rowLabel, Set<String> taken) {
        return state(layout, rowLabel, taken, Set.of());
    }

    private record Line(String rowLabel, String cells) {
    }

    private static List<Line> lines(String drawing) {
        return drawing.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+", 2))
                .map(parts -> new Line(parts[0], parts.length < 2 ? "" : parts[1].replaceAll("\\s", "")))
                .toList();
    }

    private static List<Seat> seatsOf(Line line, int gridRow) {
        List<Seat> seats = new ArrayList<>();
        String cells = line.cells();
        int number = 0;
        int loveRun = 0;
        for (int col = 1; col <= cells.length(); col++) {
            char cell = cells.charAt(col - 1);
            loveRun = cell == 'L' ? loveRun + 1 : 0;
            if (cell == '.') {
                continue;
            }
            number++;
            String pair = null;
            if (cell == 'L') {
                boolean pairsRight = loveRun % 2 == 1;
                if (pairsRight && (col == cells.length() || cells.charAt(col) != 'L')) {
                    throw new IllegalArgumentException("love seat without a right half in row " + line.rowLabel());
                }
                pair = line.rowLabel() + (pairsRight ? number + 1 : number - 1);
            }
            seats.add(new Seat(line.rowLabel() + number, line.rowLabel(), gridRow, col, type(cell), pair));
        }
        return seats;
    }

    private static SeatType type(char cell) {
        return switch (cell) {
            case 'S' -> SeatType.STANDARD;
            case 'W' -> SeatType.WHEELCHAIR;
            case 'C' -> SeatType.COMPANION;
            case 'L' -> SeatType.LOVE_SEAT;
            default -> throw new IllegalArgumentException("not a seat: " + cell);
        };
    }

    private static List<Seat> rowOf(HallLayout layout, String rowLabel) {
        return layout.rows().stream().filter(row -> row.getFirst().rowLabel().equals(rowLabel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + rowLabel));
    }
}
