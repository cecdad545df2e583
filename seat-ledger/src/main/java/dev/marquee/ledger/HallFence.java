package dev.marquee.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database half of fencing. Called first in every transaction that writes a hall's seats: it locks the hall's
 * fence row until commit, refuses a token older than the newest that wrote, and records this one. Writers of a
 * hall are thereby serialised in the database in token order, whatever happened to their Redis locks.
 */
public class HallFence {

    private final JdbcClient jdbc;

    public HallFence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the token that wrote the hall before this one (0 if none): when it is the caller's own previous
     *         token, nobody else wrote the hall in between and the caller's view of its seats is still current
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long admit(FencingToken token) {
        jdbc.sql("INSERT IGNORE INTO hall_fence (hall_id, token) VALUES (?, 0)").param(token.hallId()).update();
        long current = jdbc.sql("SELECT token FROM hall_fence WHERE hall_id = ? FOR UPDATE")
                .param(token.hallId()).query(Long.class).single();
        if (current > token.value()) {
            throw new FencedOutException(token, current);
        }
        if (current < token.value()) {
            jdbc.sql("UPDATE hall_fence SET token = ? WHERE hall_id = ?")
                    .param(token.value()).param(token.hallId()).update();
        }
        return current;
    }
}
