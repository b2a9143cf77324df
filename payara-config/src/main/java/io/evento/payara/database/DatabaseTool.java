package io.evento.payara.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry used by {@code deploy/evento}:
 * <ul>
 *   <li>{@code answers URL} exits 0 when something listens at the URL's host and port, 3 otherwise;</li>
 *   <li>{@code ensure URL USER PASSWORD} creates role and database when missing (administrator from
 *       {@code EVENTO_DB_ADMIN_USER}/{@code EVENTO_DB_ADMIN_PASSWORD}, default {@code postgres});</li>
 *   <li>{@code embedded URL USER PASSWORD DATA_DIR} runs an embedded PostgreSQL 15 on the URL's port
 *       with its data in DATA_DIR until the process is stopped, and makes sure role and database exist.</li>
 * </ul>
 */
public final class DatabaseTool {

    private DatabaseTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        DatabaseUrl url = DatabaseUrl.parse(args[1]);
        String adminUser = envOr("EVENTO_DB_ADMIN_USER", "postgres");
        String adminPassword = envOr("EVENTO_DB_ADMIN_PASSWORD", "postgres");
        switch (args[0]) {
            case "answers" -> System.exit(DatabaseSetup.answers(url) ? 0 : 3);
            case "ensure" -> {
                requireArgs(args, 4);
                new DatabaseSetup(url, adminUser, adminPassword).ensure(args[2], args[3]);
                System.out.println("database " + url.database() + " and role " + args[2] + " ready at " + url.host() + ":" + url.port());
            }
            case "embedded" -> {
                requireArgs(args, 5);
                runEmbedded(url, args[2], args[3], Path.of(args[4]));
            }
            default -> usage();
        }
    }

    private static void runEmbedded(DatabaseUrl url, String user, String password, Path dataDir) throws Exception {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(url.port())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", url.host())
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }, "embedded-postgres-stop"));
        new DatabaseSetup(url, "postgres", "postgres").ensure(user, password);
        System.out.println("embedded PostgreSQL 15 ready at " + url.host() + ":" + url.port() + ", data in " + dataDir);
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requireArgs(String[] args, int count) {
        if (args.length < count) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: DatabaseTool answers URL | ensure URL USER PASSWORD | embedded URL USER PASSWORD DATA_DIR");
        System.exit(2);
    }
}
