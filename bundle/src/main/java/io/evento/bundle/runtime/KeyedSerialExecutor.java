package io.evento.bundle.runtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks of one key (an aggregate id) one at a time in the order they were submitted, tasks
 * of different keys in parallel on the given executor. The server sends the commands of an
 * aggregate one after the other; keeping that order here is what makes the aggregate cache's
 * state the one of the last command the server sent.
 */
final class KeyedSerialExecutor {

    private final Executor executor;
    private final Map<String, Queue<Runnable>> queues = new HashMap<>();

    KeyedSerialExecutor(Executor executor) {
        this.executor = executor;
    }

    void execute(String key, Runnable task) {
        synchronized (queues) {
            Queue<Runnable> queue = queues.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queues.put(key, new ArrayDeque<>());
        }
        executor.execute(() -> runFrom(key, task));
    }

    private void runFrom(String key, Runnable first) {
        Runnable task = first;
        while (task != null) {
            try {
                task.run();
            } finally {
                synchronized (queues) {
                    Queue<Runnable> queue = queues.get(key);
                    task = queue.poll();
                    if (task == null) {
                        queues.remove(key);
                    }
                }
            }
        }
    }
}
