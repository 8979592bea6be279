package org.caseledger.api.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Drives an operation: as fast as some threads can for a while (a rate), or one at a time (latencies). */
final class Load {

    /** One call of the measured operation; {@code call} counts the calls of its thread, from 0. */
    @FunctionalInterface
    interface Operation {
        void run(int thread, long call) throws Exception;
    }

    /** The calls completed in a rate run and how long it took. */
    record Run(long calls, long nanos) {

        double perSecond() {
            return calls / (nanos / 1e9);
        }
    }

    /** Latency percentiles of a series of calls, in milliseconds. */
    record Latencies(double p50, double p99) {
    }

    private Load() {
    }

    /** {@link #run}'s completed calls per second. */
    static double rate(int threads, Duration duration, Operation operation) throws Exception {
        return run(threads, duration, operation).perSecond();
    }

    /**
     * Calls the operation from each thread, back to back, until the time is up, and answers the completed calls and the
     * time they took. A failing call fails the measurement: a benchmark that counts errors as work measures nothing.
     */
    static Run run(int threads, Duration duration, Operation operation) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<Long>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(executor.submit(() -> {
                    long calls = 0;
                    while (System.nanoTime() < deadline) {
                        operation.run(thread, calls++);
                    }
                    return calls;
                }));
            }
            long calls = 0;
            for (Future<Long> future : work) {
                calls += future.get();
            }
            return new Run(calls, System.nanoTime() - start);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Calls the operation {@code warmUp} times unmeasured, then {@code calls} times, one after the other. */
    static Latencies latencies(int warmUp, int calls, Operation operation) throws Exception {
        for (int call = 0; call < warmUp; call++) {
            operation.run(0, call);
        }
        double[] millis = new double[calls];
        for (int call = 0; call < calls; call++) {
            long start = System.nanoTime();
            operation.run(0, warmUp + call);
            millis[call] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Latencies(percentile(millis, 50), percentile(millis, 99));
    }

    private static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)];
    }
}
