package dev.marquee.launcher.bench;

/**
 * What must hold after a flash sale, whatever the load: no seat sold twice (in the events and in the database),
 * exactly one decision per accepted order, the database's free seats plus the held ones make the hall, and every
 * attempt was answered in time: an attempt that errored or a run that timed out leaves decisions unchecked, so it
 * fails the run too.
 *
 * @param oversold  seats held by more than one order, plus claim rows beyond the hall's capacity
 * @param dbClaims  {@code seat_claim} rows of the screening
 * @param seatsHeld distinct seats in the SeatsHeld events
 * @param freeSeats seats of the hall without a claim row
 * @param erroredAttempts attempts that got no answer at the edge (transport error, timeout, 5xx)
 * @param timedOut  the run ended by its timeout before every attempt was sent and decided
 */
record Invariants(long oversold, long missingDecisions, long duplicateDecisions, long conflictingDecisions,
                  long dbClaims, long seatsHeld, long freeSeats, int capacity, long erroredAttempts, boolean timedOut) {

    boolean dbClaimsMatchHeld() {
        return dbClaims == seatsHeld && dbClaims <= capacity;
    }

    boolean heldPlusFreeIsCapacity() {
        return seatsHeld + freeSeats == capacity;
    }

    boolean ok() {
        return oversold == 0 && missingDecisions == 0 && duplicateDecisions == 0 && conflictingDecisions == 0
                && dbClaimsMatchHeld() && heldPlusFreeIsCapacity() && erroredAttempts == 0 && !timedOut;
    }
}
