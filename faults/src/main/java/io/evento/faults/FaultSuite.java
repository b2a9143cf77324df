package io.evento.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs fault scenarios against a {@link Lab} while callers send commands and a reader pages the
 * stream, checks the history after each and prints a table. {@code main}: the soak variant,
 * {@code bench/run faults [minutes]}, runs the scenarios in a loop for that long.
 */
public final class FaultSuite implements AutoCloseable {

    /** Handlers must be routable again this soon after a server instance dies. */
    static final Duration ROUTABLE_AGAIN = Duration.ofSeconds(5);
    private static final int COUNTERS = 6;
    private static final int CALLERS = 6;

    private final Lab lab;
    private final History history = new History();
    private final StreamReader reader;
    private int round;

    private FaultSuite(Lab lab) {
        this.lab = lab;
        this.reader = new StreamReader(lab.servers(), Lab.TOKEN);
    }

    static FaultSuite start(Path workDir) throws Exception {
        return new FaultSuite(Lab.start(workDir));
    }

    /** Every scenario; the partition one only where packets can be filtered (root with iptables). */
    static List<Scenario> scenarios(boolean partition) {
        List<Scenario> all = new ArrayList<>(List.of(Scenario.killServer(), Scenario.stopServer(), Scenario.restartDatabase(),
                Scenario.killBundle()));
        if (partition) {
            all.add(Scenario.partition());
        }
        return all;
    }

    Report run(Scenario scenario) throws Exception {
        String prefix = "r" + (++round) + "-";
        List<String> counters = new ArrayList<>();
        for (int i = 0; i < COUNTERS; i++) {
            counters.add(prefix + "counter-" + i);
        }
        Callers callers = new Callers(lab.servers(), Lab.TOKEN, history);
        callers.start(counters, CALLERS);
        Thread.sleep(3000);
        scenario.inject(lab);
        long fault = System.nanoTime();
        Thread.sleep(scenario.duration().toMillis());
        scenario.heal(lab);
        List<String> problems = new ArrayList<>();
        if (!await(Duration.ofSeconds(120), () -> lab.ready(0) && lab.ready(1))) {
            problems.add("an instance did not become ready again within 120 s");
        }
        Thread.sleep(5000);
        callers.settle();
        if (!await(Duration.ofSeconds(60), () -> lab.members(0) == 2 && lab.members(1) == 2)) {
            problems.add("the instances did not form one cluster again within 60 s (members seen: " + lab.members(0) + ", "
                    + lab.members(1) + ")");
        }
        List<Checker.Stored> stream = quietStream();
        Report report = Checker.check(scenario.name(), prefix, fault, history, stream, Checker.applied(lab), reader.seen());
        problems.addAll(report.problems());
        if (scenario.serverDies() && report.recovery().compareTo(ROUTABLE_AGAIN) > 0) {
            problems.add("handlers were routable again only " + report.recovery().toMillis() + " ms after the instance died");
        }
        return new Report(report.scenario(), report.sent(), report.acked(), report.failures(), report.failedForGood(), report.retries(),
                report.lost(), report.doubled(), report.skipped(), report.stuck(), report.recovery(), problems);
    }

    /** The stream once the projector and the reader have caught up with it (or a minute passed). */
    private List<Checker.Stored> quietStream() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Checker.Stored> stream = Checker.stream(lab);
        while (System.nanoTime() < deadline) {
            stream = Checker.stream(lab);
            Map<String, Integer> applied = Checker.applied(lab);
            if (applied.size() >= stream.size() && reader.seen().size() >= stream.size()) {
                Thread.sleep(500);
                List<Checker.Stored> again = Checker.stream(lab);
                if (again.size() == stream.size()) {
                    return again;
                }
            }
            Thread.sleep(250);
        }
        return stream;
    }

    private static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        reader.close();
        lab.close();
    }

    /** The soak variant: {@code FaultSuite [minutes]} runs every scenario in a loop; exits 1 on any broken invariant. */
    public static void main(String[] args) throws Exception {
        long minutes = args.length > 0 ? Long.parseLong(args[0]) : 10;
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        boolean partition = Lab.canPartition();
        List<Report> all = new ArrayList<>();
        try (FaultSuite suite = start(Path.of("faults", "target", "soak").toAbsolutePath())) {
            while (System.nanoTime() < end) {
                for (Scenario scenario : scenarios(partition)) {
                    Report report = suite.run(scenario);
                    all.add(report);
                    System.out.println(Report.table(List.of(report)));
                    report.problems().forEach(p -> System.out.println("  PROBLEM: " + p));
                }
            }
        }
        System.out.println(Report.table(all));
        System.exit(all.stream().allMatch(Report::clean) ? 0 : 1);
    }
}
