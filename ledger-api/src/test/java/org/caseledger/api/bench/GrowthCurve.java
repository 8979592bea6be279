package org.caseledger.api.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the growth benchmark measured at each of its checkpoints as the ledger grew: the latency of single commands
 * through the command gateway, the processor time per command, the heap in use after a full collection and the
 * database's size. Written as a table in the report and drawn by {@link GrowthChart}.
 */
final class GrowthCurve {

    /** Milliseconds of one command, sent one at a time. */
    record Latency(double p50, double p99) {
    }

    /**
     * The figures at one size of the ledger: the events stored when the checkpoint was reached, the two commands'
     * latencies, the processor time per command split between this JVM and PostgreSQL, the heap used after a full
     * collection and the size of the database, both in bytes.
     */
    record Checkpoint(long events, Latency openCase, Latency journalNote, double jvmMicrosPerCommand, double postgresMicrosPerCommand,
                      long heapAfterGcBytes, long databaseBytes) {
    }

    private static final double MIB = 1024.0 * 1024;

    private final List<Checkpoint> checkpoints = new ArrayList<>();

    void add(Checkpoint checkpoint) {
        if (!checkpoints.isEmpty() && checkpoint.events() < checkpoints.get(checkpoints.size() - 1).events()) {
            throw new IllegalArgumentException("the ledger only grows: " + checkpoint.events() + " events after "
                    + checkpoints.get(checkpoints.size() - 1).events());
        }
        checkpoints.add(checkpoint);
    }

    List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    boolean isEmpty() {
        return checkpoints.isEmpty();
    }

    Checkpoint first() {
        return checkpoints.get(0);
    }

    Checkpoint last() {
        return checkpoints.get(checkpoints.size() - 1);
    }

    /** The table of the report, one row a checkpoint. */
    String markdownTable() {
        StringBuilder md = new StringBuilder();
        md.append("| events stored | open a case p50 | open a case p99 | journal note p50 | journal note p99 | ")
                .append("processor time per command (JVM + PostgreSQL) | heap used after GC | database size |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Checkpoint checkpoint : checkpoints) {
            md.append(String.format(Locale.ROOT, "| %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f µs + %.0f µs | %,.0f MiB | %,.0f MiB |%n",
                    checkpoint.events(), checkpoint.openCase().p50(), checkpoint.openCase().p99(), checkpoint.journalNote().p50(),
                    checkpoint.journalNote().p99(), checkpoint.jvmMicrosPerCommand(), checkpoint.postgresMicrosPerCommand(),
                    checkpoint.heapAfterGcBytes() / MIB, checkpoint.databaseBytes() / MIB));
        }
        return md.toString();
    }

    /** The checkpoints for the JSON report. */
    List<Map<String, Object>> json() {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("events", checkpoint.events());
            entry.put("openCaseMillis", Map.of("p50", round(checkpoint.openCase().p50()), "p99", round(checkpoint.openCase().p99())));
            entry.put("journalNoteMillis", Map.of("p50", round(checkpoint.journalNote().p50()), "p99", round(checkpoint.journalNote().p99())));
            entry.put("processorMicrosPerCommand", Map.of("jvm", round(checkpoint.jvmMicrosPerCommand()),
                    "postgresql", round(checkpoint.postgresMicrosPerCommand())));
            entry.put("heapAfterGcMiB", round(checkpoint.heapAfterGcBytes() / MIB));
            entry.put("databaseMiB", round(checkpoint.databaseBytes() / MIB));
            json.add(entry);
        }
        return json;
    }

    /** A count of events as the chart's axis and the report name it: 0, 250k, 1M, 2.5M. */
    static String events(long events) {
        if (events >= 1_000_000) {
            return trim(events / 1e6) + "M";
        }
        if (events >= 1_000) {
            return trim(events / 1e3) + "k";
        }
        return Long.toString(events);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
