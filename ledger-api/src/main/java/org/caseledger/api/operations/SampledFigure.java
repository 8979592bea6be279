package org.caseledger.api.operations;

/**
 * Figures read from the database by the {@link FigureSampler}, not when they are asked for: a scrape or a probe during
 * an outage must answer at once from what was last seen, not wait for a connection.
 */
public interface SampledFigure {

    /** Reads the figures again; a failure leaves them marked as not known until the next sample succeeds. */
    void sample();

    /** Called instead of {@link #sample()} failing: the figures are no longer known. */
    void unknown();
}
