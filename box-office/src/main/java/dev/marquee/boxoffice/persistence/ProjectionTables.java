package dev.marquee.boxoffice.persistence;

import java.util.List;

/** The names of one copy of the projection's tables: the live ones, or a rebuild's, or the ones a swap retires. */
public record ProjectionTables(String cell, String order, String offset) {

    public static final ProjectionTables LIVE = suffixed("");
    public static final ProjectionTables REBUILD = suffixed("_rebuild");
    public static final ProjectionTables RETIRED = suffixed("_old");

    private static ProjectionTables suffixed(String suffix) {
        return new ProjectionTables("box_office_cell" + suffix, "box_office_order" + suffix,
                "box_office_offset" + suffix);
    }

    List<String> all() {
        return List.of(cell, order, offset);
    }
}
