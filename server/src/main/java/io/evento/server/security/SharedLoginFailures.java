package io.evento.server.security;

import java.time.Duration;

/**
 * Failed logins as the whole cluster saw them (the database all instances share), so guesses
 * spread over several instances are counted together.
 */
@FunctionalInterface
public interface SharedLoginFailures {

    /** Counts nothing beyond this instance. */
    SharedLoginFailures NONE = (user, window) -> 0;

    /** Records a failed login for the name; answers how many the cluster saw within the window, this one included. */
    int recordAndCount(String user, Duration window);
}
