package dev.marquee.orderapi.catalog.imports;

/** Why a line of a catalog file cannot be imported. */
record RowError(String sheet, int line, String reason) {

    static RowError of(SheetRow row, String reason) {
        return new RowError(row.sheet().label(), row.line(), reason);
    }

    @Override
    public String toString() {
        return sheet + " line " + line + ": " + reason;
    }
}
