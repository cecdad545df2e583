package dev.marquee.launcher.bench;

/**
 * What must hold after a flash sale, whatever the load: no seat sold twice (in the events and in the database),
 * exactly one decision per accepted order, and the database's free seats plus the held ones make the hall.
 *
 * @param oversold  seats held by more than one order, plus claim rows beyond the hall's capacity
 * @param dbClaims  {@code seat_claim} rows of the screening
 * @param seatsHeld distinct seats in the SeatsHeld events
 * @param freeSeats seats of the hall without a claim row
 */
record Invariants(long oversold, long missingDecisions, long duplicateDecisions, long conflictingDecisions,
                  long dbClaims, long seatsHeld, long freeSeats, int capacity) {

    boolean dbClaimsMatchHeld() {
        return dbClaims == seatsHeld && dbClaims <= capacity;
    }

    boolean heldPlusFreeIsCapacity() {
        return seatsHeld + freeSeats == capacity;
    }

    boolean ok() {
        return oversold == 0 && missingDecisions == 0 && duplicateDecisions == 0 && conflictingDecisions == 0
                && dbClaimsMatchHeld() && heldPlusFreeIsCapacity();
    }
}
