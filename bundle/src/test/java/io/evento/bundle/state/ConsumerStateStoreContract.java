package io.evento.bundle.state;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link ConsumerStateStore} must do; subclasses provide an empty store. */
public abstract class ConsumerStateStoreContract {

    protected ConsumerStateStore store;
    private String consumer;

    protected abstract ConsumerStateStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        consumer = "todo:TodoListProjector:1:*:" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Optional<SagaInstance> find(Lease lease, String saga, String property, String value) {
        ConsumerStateStore.Work<Optional<SagaInstance>> work = tx -> tx.findSaga(saga, property, value);
        return store.inTransaction(lease, work);
    }

    private static DeadEvent dead(String consumer, String eventId) {
        return new DeadEvent(consumer, eventId, "7.42", "ItemAdded", "{\"eventId\":\"" + eventId + "\"}", "boom", 4, false, Instant.now());
    }

    @Nested
    class Leases {

        @Test
        void aFreeLeaseIsTakenAndOthersMustWait() {
            Optional<Lease> mine = store.acquire(consumer, "instance-a", Duration.ofSeconds(30));
            assertThat(mine).isPresent();
            assertThat(store.acquire(consumer, "instance-b", Duration.ofSeconds(30))).isEmpty();
            assertThat(store.acquire(consumer, "instance-a", Duration.ofSeconds(30))).contains(mine.get());
        }

        @Test
        void anExpiredLeaseIsTakenOverWithAHigherEpochAndTheOldHolderIsFenced() throws Exception {
            // given a lease that expires at once
            Lease old = store.acquire(consumer, "instance-a", Duration.ofMillis(1)).orElseThrow();
            Thread.sleep(50);

            // when another instance takes it over
            Lease taken = store.acquire(consumer, "instance-b", Duration.ofSeconds(30)).orElseThrow();

            // then the epoch grew and the old holder can neither renew nor write
            assertThat(taken.epoch()).isGreaterThan(old.epoch());
            assertThat(store.renew(old, Duration.ofSeconds(30))).isFalse();
            assertThatThrownBy(() -> store.inTransaction(old, tx -> {
                tx.savePosition("1.1");
                return null;
            })).isInstanceOf(LeaseLostException.class);
            assertThat(store.position(consumer)).isEmpty();
        }

        @Test
        void aReleasedLeaseIsFreeAtOnce() {
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            store.release(lease);
            assertThat(store.acquire(consumer, "instance-b", Duration.ofSeconds(30))).isPresent();
        }

        @Test
        void aRenewedLeaseStaysWithItsHolder() {
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            assertThat(store.renew(lease, Duration.ofSeconds(30))).isTrue();
            assertThat(store.acquire(consumer, "instance-b", Duration.ofSeconds(30))).isEmpty();
        }
    }

    @Nested
    class Positions {

        @Test
        void aPositionIsSavedInATransactionAndReadBack() {
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            assertThat(store.position(consumer)).isEmpty();
            store.inTransaction(lease, tx -> {
                tx.savePosition("12.40");
                return null;
            });
            assertThat(store.position(consumer)).contains("12.40");
        }

        @Test
        void aFailingTransactionWritesNothing() {
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            assertThatThrownBy(() -> store.inTransaction(lease, tx -> {
                tx.savePosition("99.9");
                tx.saveSaga("Quota", new SagaInstance("s1", "{}", Map.of("userId", "u1")));
                throw new IllegalStateException("handler failed");
            })).hasMessageContaining("handler failed");
            assertThat(store.position(consumer)).isEmpty();
            assertThat(find(lease, "Quota", "userId", "u1")).isEmpty();
        }

        @Test
        void aPositionCanBeResetByAnAdministrator() {
            store.resetPosition(consumer, "0.0");
            assertThat(store.position(consumer)).contains("0.0");
        }

        @Test
        void aResetIsNotOverwrittenByTheInstanceRunningTheConsumer() {
            // given an instance holding the lease, in the middle of its events
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            store.inTransaction(lease, tx -> {
                tx.savePosition("5.50");
                return null;
            });

            // when an administrator resets the position
            store.resetPosition(consumer, "0.0");

            // then the holder's next write fails as a lost lease and changes nothing
            assertThatThrownBy(() -> store.inTransaction(lease, tx -> {
                tx.savePosition("5.51");
                return null;
            })).isInstanceOf(LeaseLostException.class);
            assertThat(store.position(consumer)).contains("0.0");
            assertThat(store.renew(lease, Duration.ofSeconds(30))).isFalse();
            // and it takes the lease again and goes on from the new position
            Lease again = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            store.inTransaction(again, tx -> {
                tx.savePosition("0.1");
                return null;
            });
            assertThat(store.position(consumer)).contains("0.1");
        }
    }

    @Nested
    class Sagas {

        @Test
        void aSagaIsFoundByAnyOfItsAssociationsAndDeletedWhenItEnds() {
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            store.inTransaction(lease, tx -> {
                tx.saveSaga("Quota", new SagaInstance("s1", "{\"lists\":1}", Map.of("userId", "u1", "listId", "l1")));
                return null;
            });
            Optional<SagaInstance> byUser = find(lease, "Quota", "userId", "u1");
            assertThat(byUser).get().satisfies(s -> {
                assertThat(s.sagaId()).isEqualTo("s1");
                assertThat(s.state()).isEqualTo("{\"lists\":1}");
                assertThat(s.associations()).containsEntry("listId", "l1");
            });
            assertThat(find(lease, "Quota", "listId", "l1")).isPresent();
            assertThat(find(lease, "Other", "userId", "u1")).isEmpty();

            store.inTransaction(lease, tx -> {
                tx.saveSaga("Quota", new SagaInstance("s1", "{\"lists\":2}", Map.of("userId", "u1")));
                return null;
            });
            assertThat(find(lease, "Quota", "listId", "l1")).isEmpty();
            assertThat(find(lease, "Quota", "userId", "u1")).get()
                    .extracting(SagaInstance::state).isEqualTo("{\"lists\":2}");

            store.inTransaction(lease, tx -> {
                tx.deleteSaga("Quota", "s1");
                return null;
            });
            assertThat(find(lease, "Quota", "userId", "u1")).isEmpty();
        }
    }

    @Nested
    class DeadEvents {

        @Test
        void aDeadEventIsListedFlaggedForRetryAndDiscarded() {
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            store.inTransaction(lease, tx -> {
                tx.addDeadEvent(dead(consumer, "e1"));
                tx.savePosition("7.42");
                return null;
            });

            assertThat(store.deadEvents(consumer)).singleElement().satisfies(d -> {
                assertThat(d.eventId()).isEqualTo("e1");
                assertThat(d.error()).isEqualTo("boom");
                assertThat(d.attempts()).isEqualTo(4);
                assertThat(d.retry()).isFalse();
            });
            assertThat(store.flagForRetry(consumer, "e1")).isTrue();
            assertThat(store.deadEvents(consumer).get(0).retry()).isTrue();
            assertThat(store.flagForRetry(consumer, "nope")).isFalse();
            assertThat(store.discard(consumer, "e1")).isTrue();
            assertThat(store.deadEvents(consumer)).isEmpty();
            assertThat(store.discard(consumer, "e1")).isFalse();
        }

        @Test
        void aDeadEventRemovedInATransactionIsGone() {
            Lease lease = store.acquire(consumer, "instance-a", Duration.ofSeconds(30)).orElseThrow();
            store.inTransaction(lease, tx -> {
                tx.addDeadEvent(dead(consumer, "e2"));
                return null;
            });
            store.inTransaction(lease, tx -> {
                tx.removeDeadEvent("e2");
                return null;
            });
            assertThat(store.deadEvents(consumer)).isEmpty();
        }

        @Test
        void sqlLookingIdsAreJustText() {
            String evil = "x'); DROP TABLE evento_consumer; --";
            Lease lease = store.acquire(evil, evil, Duration.ofSeconds(30)).orElseThrow();
            store.inTransaction(lease, tx -> {
                tx.addDeadEvent(dead(evil, evil));
                tx.savePosition("1.2");
                return null;
            });
            assertThat(store.position(evil)).contains("1.2");
            assertThat(store.deadEvents(evil)).extracting(DeadEvent::eventId).containsExactly(evil);
        }
    }
}
