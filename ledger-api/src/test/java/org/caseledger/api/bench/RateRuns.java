package org.caseledger.api.bench;

import java.util.ArrayList;
import java.util.List;
import org.caseledger.api.bench.BenchmarkReport.Runs;

/**
 * The runs of one rate measurement, each with the processor time it took ({@link CpuTime}: this JVM and PostgreSQL):
 * the rate is what a client sees, the processor time per call what a call costs, and the latter holds still on a noisy
 * machine where the former moves with whatever else runs.
 */
final class RateRuns {

    /** One run of the measured work: the calls it completed and how long it took. */
    @FunctionalInterface
    interface Run {
        Load.Run take() throws Exception;
    }

    private final ProcessorClock clock;
    private final List<Double> rates = new ArrayList<>();
    private final List<Double> microsPerCall = new ArrayList<>();
    private CpuTime cpu = CpuTime.NONE;
    private long calls;

    RateRuns(ProcessorClock clock) {
        this.clock = clock;
    }

    /** {@code runs} runs of the work, one after the other. */
    static RateRuns of(ProcessorClock clock, int runs, Run run) throws Exception {
        RateRuns measured = new RateRuns(clock);
        for (int r = 0; r < runs; r++) {
            measured.take(run);
        }
        return measured;
    }

    /** One more run, for runs interleaved with another measurement's. */
    void take(Run run) throws Exception {
        CpuTime.Reading before = clock.read();
        Load.Run done = run.take();
        CpuTime used = clock.since(before);
        rates.add(done.perSecond());
        microsPerCall.add(used.microsPerOperation(done.calls()));
        cpu = cpu.plus(used);
        calls += done.calls();
    }

    /** Every run's calls, added up. */
    long calls() {
        return calls;
    }

    /** Calls per second, run by run. */
    Runs rates() {
        return new Runs(rates);
    }

    /** Microseconds of processor time per call, the JVM's and PostgreSQL's together, run by run. */
    Runs cpuPerCall() {
        return new Runs(microsPerCall);
    }

    /** The processor time per call over every run, split between the JVM and PostgreSQL. */
    String cpuSplit() {
        return cpu.perOperation(calls);
    }
}
