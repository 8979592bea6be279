package org.caseledger.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Processor time used so far by this JVM and by the PostgreSQL processes of the machine, read from {@code /proc}: the
 * figure that stays put on a noisy machine, where a rate moves with whatever else runs. PostgreSQL's share is every
 * process named {@code postgres} (the benchmark's cluster is the only one running), its own time and that of the
 * children it has reaped, so a connection that closed still counts. Where {@code /proc} is missing, PostgreSQL's share
 * reads as zero and says so.
 */
record CpuTime(long jvmNanos, long postgresNanos, boolean postgresKnown) {

    /** Linux reports process times in clock ticks of 1/100 s ({@code getconf CLK_TCK}) on every platform it runs on here. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuTime now() {
        long jvm = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return new CpuTime(jvm, 0, false);
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(proc)) {
            ticks = processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuTime::postgresTicks).sum();
        } catch (IOException e) {
            return new CpuTime(jvm, 0, false);
        }
        return new CpuTime(jvm, ticks * NANOS_PER_TICK, true);
    }

    /** No time yet, to add runs' times to. */
    static final CpuTime NONE = new CpuTime(0, 0, true);

    /** The times since {@code earlier}. */
    CpuTime since(CpuTime earlier) {
        return new CpuTime(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos, postgresKnown && earlier.postgresKnown);
    }

    /** These times and {@code other}'s together. */
    CpuTime plus(CpuTime other) {
        return new CpuTime(jvmNanos + other.jvmNanos, postgresNanos + other.postgresNanos, postgresKnown && other.postgresKnown);
    }

    /** Microseconds of processor time per operation, the JVM's and PostgreSQL's together. */
    double microsPerOperation(long operations) {
        return (jvmNanos + postgresNanos) / 1e3 / operations;
    }

    /** Microseconds of processor time per operation, the JVM's and PostgreSQL's. */
    String perOperation(long operations) {
        return String.format(Locale.ROOT, "%.1f µs JVM + %s PostgreSQL", jvmNanos / 1e3 / operations,
                postgresKnown ? String.format(Locale.ROOT, "%.1f µs", postgresNanos / 1e3 / operations) : "unknown");
    }

    /** utime, stime, cutime and cstime of one process when it is PostgreSQL's; 0 otherwise or when it ended meanwhile. */
    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            // after "pid (comm) ": state is field 3, utime 14, stime 15, cutime 16, cstime 17
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
