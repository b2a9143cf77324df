package io.evento.faults;

import java.time.Duration;

/**
 * One fault: injected while the callers run, then healed. {@link #inject} returns when the fault
 * is in place; {@link #heal} when it is over (the faulty part restarted or resumed).
 */
interface Scenario {

    String name();

    void inject(Lab lab) throws Exception;

    void heal(Lab lab) throws Exception;

    /** How long the fault lasts before it is healed. */
    Duration duration();

    /** Whether {@link Report#recovery()} must stay within {@link FaultSuite#ROUTABLE_AGAIN} (a server instance died). */
    default boolean serverDies() {
        return false;
    }

    /** kill -9 of the instance the bundle is connected to, restarted afterwards. */
    static Scenario killServer() {
        return new Scenario() {
            private int victim;

            public String name() {
                return "kill -9 of a server instance";
            }

            public void inject(Lab lab) throws Exception {
                victim = lab.instanceHoldingBundle();
                lab.killInstance(victim);
            }

            public void heal(Lab lab) {
                lab.restartInstance(victim);
            }

            public Duration duration() {
                return Duration.ofSeconds(4);
            }

            public boolean serverDies() {
                return true;
            }
        };
    }

    /** SIGSTOP of the instance the bundle is connected to, for longer than three heartbeat periods, then SIGCONT. */
    static Scenario stopServer() {
        return new Scenario() {
            private int victim;

            public String name() {
                return "SIGSTOP of a server instance (4.5 s), SIGCONT";
            }

            public void inject(Lab lab) throws Exception {
                victim = lab.instanceHoldingBundle();
                lab.stopInstance(victim);
            }

            public void heal(Lab lab) throws Exception {
                lab.continueInstance(victim);
            }

            public Duration duration() {
                return Duration.ofMillis(4500);
            }
        };
    }

    /** PostgreSQL stops and starts again under the running instances. */
    static Scenario restartDatabase() {
        return new Scenario() {
            public String name() {
                return "PostgreSQL restart";
            }

            public void inject(Lab lab) throws Exception {
                lab.stopDatabase();
            }

            public void heal(Lab lab) throws Exception {
                lab.startDatabase();
            }

            public Duration duration() {
                return Duration.ofSeconds(3);
            }
        };
    }

    /** kill -9 of the bundle process with commands in flight, and a new process. */
    static Scenario killBundle() {
        return new Scenario() {
            public String name() {
                return "kill -9 of the bundle, restarted";
            }

            public void inject(Lab lab) throws Exception {
                lab.killBundle();
            }

            public void heal(Lab lab) throws Exception {
                lab.startBundle();
            }

            public Duration duration() {
                return Duration.ofSeconds(2);
            }
        };
    }

    /** The instances cannot reach each other's Hazelcast port for a while; then they can again. */
    static Scenario partition() {
        return new Scenario() {
            public String name() {
                return "partition between the instances (15 s: the cluster splits and merges)";
            }

            public void inject(Lab lab) throws Exception {
                lab.cut();
            }

            public void heal(Lab lab) throws Exception {
                lab.heal();
            }

            public Duration duration() {
                return Duration.ofSeconds(15);
            }
        };
    }
}
