package org.caseledger.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the processor time ({@link CpuTime}) of this JVM and of the PostgreSQL processes that work for the benchmark:
 * the backends connected to the benchmark's own database (the ledger's pool, the references' pool, an autovacuum or
 * parallel worker while it runs there) and the cluster's WAL writer, checkpointer and background writer, which write
 * for every database of the cluster but, on a quiet machine, mostly for this one. Other databases' backends on the
 * same server (other test runs on the machine) are left out; so is the postmaster. The processes are found in
 * {@code pg_stat_activity} and their times read from {@code /proc}, so PostgreSQL must run on this machine; where no
 * process's time can be read its share is unknown.
 */
final class ProcessorClock {

    private static final String PROCESSES = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            + "OR backend_type IN ('walwriter', 'checkpointer', 'background writer')";

    private final DataSource database;

    ProcessorClock(DataSource database) {
        this.database = database;
    }

    CpuTime.Reading read() {
        long jvm = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        Map<Long, Long> ticks = new HashMap<>();
        for (long pid : postgresProcesses()) {
            Long used = ticks(pid);
            if (used != null) {
                ticks.put(pid, used);
            }
        }
        return new CpuTime.Reading(jvm, ticks, !ticks.isEmpty());
    }

    /** The time used since {@code earlier}. */
    CpuTime since(CpuTime.Reading earlier) {
        return CpuTime.between(earlier, read());
    }

    private List<Long> postgresProcesses() {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(PROCESSES)) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not list the benchmark's PostgreSQL processes", e);
        }
        return pids;
    }

    /** utime and stime of one process in clock ticks, or null when it is not on this machine or ended meanwhile. */
    private static Long ticks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime and stime from a {@code /proc/<pid>/stat} line; the command name in parentheses may hold spaces. */
    static long ticksOf(String stat) {
        // after "pid (comm) ": state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
