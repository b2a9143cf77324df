package io.evento.examples.todo.app;

import java.util.List;

/**
 * Runs one bundle of the tutorial: {@code todo} (with the REST API) or {@code users}.
 * Settings: {@link TodoSettings} (environment variables). Stops cleanly on Ctrl-C.
 */
public final class TodoMain {

    private TodoMain() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "todo";
        TodoSettings settings = TodoSettings.fromEnvironment(System.getenv());
        String instance = System.getenv().getOrDefault("TODO_INSTANCE_ID", which + "-" + ProcessHandle.current().pid());
        AutoCloseable running;
        if ("todo".equals(which)) {
            TodoBundles.Todo todo = TodoBundles.startTodo(settings, instance);
            System.out.println("todo bundle ready; REST API on http://127.0.0.1:" + todo.api().port() + "/lists");
            running = todo;
        } else if ("users".equals(which)) {
            List<String> servers = new java.util.ArrayList<>(settings.servers());
            java.util.Collections.reverse(servers);
            running = TodoBundles.startUsers(settings.withServers(servers), instance);
            System.out.println("users bundle ready");
        } else {
            System.err.println("usage: TodoMain todo|users");
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
        }));
        Thread.currentThread().join();
    }
}
