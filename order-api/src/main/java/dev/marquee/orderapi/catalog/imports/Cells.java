package dev.marquee.orderapi.catalog.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one row's cells as typed values, collecting what is wrong with them instead of throwing. */
final class Cells {

    private final SheetRow row;
    private final List<String> problems = new ArrayList<>();

    Cells(SheetRow row) {
        this.row = row;
    }

    String required(String column) {
        String value = row.get(column);
        if (value == null) {
            problems.add(column + " is missing");
        }
        return value;
    }

    String optional(String column, String otherwise) {
        String value = row.get(column);
        return value == null ? otherwise : value;
    }

    String oneOf(String column, Set<String> allowed, String otherwise) {
        String value = row.get(column);
        if (value == null) {
            return otherwise;
        }
        String upper = value.toUpperCase().replace(' ', '_');
        if (!allowed.contains(upper)) {
            problems.add(column + " '" + value + "' is not one of " + allowed);
        }
        return upper;
    }

    int positiveInt(String column) {
        String value = required(column);
        try {
            int n = value == null ? 0 : Integer.parseInt(value);
            if (value != null && n <= 0) {
                problems.add(column + " must be positive");
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(column + " '" + value + "' is not a whole number");
            return 0;
        }
    }

    /** Minor units ({@code 4500} for 45.00), or null when blank. */
    Long amount(String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                problems.add(column + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(column + " '" + value + "' is not a whole number of minor units (4500 for 45.00)");
            return null;
        }
    }

    BigDecimal coordinate(String column, double limit) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(value);
            if (n.abs().doubleValue() > limit) {
                problems.add(column + " " + value + " is out of range (±" + (int) limit + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(column + " '" + value + "' is not a number");
            return null;
        }
    }

    LocalDate date(String column) {
        String value = required(column);
        try {
            return value == null ? null : RelativeDates.date(value);
        } catch (RuntimeException e) {
            problems.add(column + " '" + value + "' is not a date (2026-12-24, or today, today+7)");
            return null;
        }
    }

    LocalDateTime dateTime(String column) {
        String value = required(column);
        try {
            return value == null ? null : RelativeDates.dateTime(value);
        } catch (RuntimeException e) {
            problems.add(column + " '" + value + "' is not a date and time (2026-12-24T18:00, or today+1 18:00)");
            return null;
        }
    }

    void problem(String reason) {
        problems.add(reason);
    }

    List<String> problems() {
        return problems;
    }
}
