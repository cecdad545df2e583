package dev.marquee.registry;

/** Avro schema texts for tests: a record {@code Seat} in a few shapes. */
final class Schemas {

    static final String SEAT_V1 = seat("""
            {"name":"label","type":"string"}""");
    static final String SEAT_WITH_ROW_DEFAULT = seat("""
            {"name":"label","type":"string"},{"name":"row","type":"string","default":"A"}""");
    static final String SEAT_WITH_ROW_REQUIRED = seat("""
            {"name":"label","type":"string"},{"name":"row","type":"string"}""");
    static final String SEAT_WITHOUT_LABEL = seat("""
            {"name":"row","type":"string","default":"A"}""");

    private Schemas() {
    }

    static String seat(String fields) {
        return """
                {"type":"record","name":"Seat","namespace":"dev.marquee.test","fields":[%s]}""".formatted(fields);
    }
}
