package org.caseledger.api.operations;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every {@link SampledFigure} every {@code ledger.operations.sample-every}, on a thread of its own: not the
 * scheduler's, which the sealer and the witnesses keep busy, nor a request's. A sample that fails (the database out of
 * reach) marks the figures unknown and is logged once, until one succeeds again.
 */
@Component
@EnableConfigurationProperties(OperationsProperties.class)
class FigureSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FigureSampler.class);

    private final List<SampledFigure> figures;
    private final OperationsProperties properties;
    private ScheduledExecutorService sampler;
    private volatile boolean failing;

    FigureSampler(List<SampledFigure> figures, OperationsProperties properties) {
        this.figures = figures;
        this.properties = properties;
    }

    void sampleAll() {
        boolean failed = false;
        for (SampledFigure figure : figures) {
            try {
                figure.sample();
            } catch (RuntimeException e) {
                figure.unknown();
                if (!failing && !failed) {
                    log.warn("Figures could not be read ({}: {}); they are unknown until they can", figure.getClass().getSimpleName(),
                            e.getMessage());
                }
                failed = true;
            }
        }
        if (failing && !failed) {
            log.info("Figures are read again");
        }
        failing = failed;
    }

    @Override
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "figure-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sampleEvery().toMillis();
        sampler.scheduleWithFixedDelay(this::sampleAll, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }

    /** Stops before the event processors and the pools (phase 0 and the data sources stop later). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
