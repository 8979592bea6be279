package org.caseledger.projections.caseload;

import java.util.List;

/**
 * The open cases of a unit per assigned case worker, the open cases nobody is assigned to, and the spread of the
 * per-worker counts (over workers with at least one open case: the ledger does not know who has none).
 */
public record Caseload(String unit, long openCases, long unassigned, List<Worker> workers, Spread spread) {

    public record Worker(String staffId, long openCases) {
    }

    /** Minimum, maximum, mean, median and population standard deviation of open cases per worker. */
    public record Spread(long min, long max, double mean, double median, double standardDeviation) {

        static Spread of(List<Long> counts) {
            if (counts.isEmpty()) {
                return new Spread(0, 0, 0, 0, 0);
            }
            List<Long> sorted = counts.stream().sorted().toList();
            double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            double variance = sorted.stream().mapToDouble(count -> (count - mean) * (count - mean)).sum() / n;
            return new Spread(sorted.get(0), sorted.get(n - 1), round(mean), median, round(Math.sqrt(variance)));
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    static Caseload of(String unit, long unassigned, List<Worker> workers) {
        long open = unassigned + workers.stream().mapToLong(Worker::openCases).sum();
        return new Caseload(unit, open, unassigned, workers, Spread.of(workers.stream().map(Worker::openCases).toList()));
    }
}
