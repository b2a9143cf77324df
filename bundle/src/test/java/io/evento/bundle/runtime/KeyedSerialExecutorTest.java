package io.evento.bundle.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tasks of one key run one at a time in submission order; other keys are not held up. */
class KeyedSerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final KeyedSerialExecutor executor = new KeyedSerialExecutor(pool);

    @Test
    void runsTheTasksOfAKeyInOrderOneAtATime() {
        // given
        List<Integer> seen = new CopyOnWriteArrayList<>();
        int[] running = {0};
        List<Integer> overlaps = new CopyOnWriteArrayList<>();

        // when
        for (int i = 0; i < 500; i++) {
            int n = i;
            executor.execute("a1", () -> {
                synchronized (running) {
                    if (++running[0] > 1) {
                        overlaps.add(n);
                    }
                }
                seen.add(n);
                synchronized (running) {
                    running[0]--;
                }
            });
        }

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 500);
        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
        assertThat(overlaps).isEmpty();
        pool.shutdownNow();
    }

    @Test
    void aBlockedKeyDoesNotHoldUpAnother() throws InterruptedException {
        // given: key a1 blocked
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch other = new CountDownLatch(1);
        executor.execute("a1", () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        // when
        executor.execute("a2", other::countDown);

        // then
        assertThat(other.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        pool.shutdownNow();
    }
}
