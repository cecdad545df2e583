package dev.marquee.launcher;

import java.util.Optional;

/**
 * A bearer token kept between commands by {@code ./marquee login} ({@link Credentials});
 * {@link OperatorToken#stored} is where it is plugged in.
 */
@FunctionalInterface
interface StoredToken {

    StoredToken NONE = Optional::empty;

    /** The stored access token, if someone signed in (and it has not been dropped). */
    Optional<String> load();
}
