package org.caseledger.api.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.LedgerTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty ledger with the demo history when started with {@code --ledger.demo-data.events=N}: three years
 * of a district office up to today, about N events, through the real commands (so every rule holds and every event
 * is hash-chained), each case's commands in one transaction. A ledger that already holds events is left alone.
 * <p>
 * Only into the embedded database: on a database server the ledger refuses to start when asked for demo data
 * ({@code preflight.Preflight}). Its fabricated cases, with real-looking staff and persons, would be sealed and signed into
 * the record for good.
 */
@Component
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);
    private static final int YEARS = 3;
    /** Measured on generated histories: the commands of one case, on average, and of one year of outreach. */
    private static final double COMMANDS_PER_CASE = 13.4;
    private static final double OUTREACH_PER_YEAR = 650;

    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long events;
    private final long seed;

    DemoDataRunner(CommandGateway commands, TransactionTemplate transaction, JdbcClient jdbc, Clock clock, @Value("${ledger.demo-data.events:0}") long events,
                   @Value("${ledger.demo-data.seed:20261122}") long seed) {
        this.commands = commands;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (events <= 0) {
            return;
        }
        long existing = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        if (existing > 0) {
            log.info("Demo data not generated: the ledger already holds {} events", existing);
            return;
        }
        Instant now = clock.instant();
        LocalDate end = LedgerTime.dayOf(now);
        LocalDate start = end.minusYears(YEARS);
        int days = (int) ChronoUnit.DAYS.between(start, end);
        double casesPerDay = Math.max(0.05, (events - OUTREACH_PER_YEAR * YEARS) / COMMANDS_PER_CASE / days);
        log.info("Generating demo data: about {} events, {} to {}, seed {}", events, start, end, seed);
        long began = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        DemoHistory history = new DemoHistory(seed, start, days, casesPerDay);
        // the staff first, in a transaction of their own: the cases' commands, sent in parallel, need them entered
        transaction.executeWithoutResult(status -> history.staff().forEach(commands::sendAndWait));
        history.write(ofOneCase -> work.add(senders.submit(() ->
                transaction.executeWithoutResult(status -> {
                    for (LedgerCommand command : ofOneCase) {
                        // in recording order: what would be recorded after now is not written yet
                        if (command.envelope().recordedAt().isAfter(now)) {
                            return;
                        }
                        commands.sendAndWait(command);
                        if (sent.incrementAndGet() % 10_000 == 0) {
                            log.info("Demo data: {} commands sent", sent.get());
                        }
                    }
                }))));
        try {
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            senders.shutdown();
        }
        // Cases opened later through the API must not take a case number the demo already gave. The application's
        // role may draw numbers but not set the sequence, and the demo only runs on an empty ledger, so it draws.
        jdbc.sql("SELECT max(nextval('case_number_serial')) FROM generate_series(1, ?)").param(history.casesWritten())
                .query(Long.class).single();
        double seconds = (System.nanoTime() - began) / 1e9;
        long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        log.info("Demo data generated: {} commands, {} events in {} s ({} events/s)", sent.get(), stored, Math.round(seconds),
                Math.round(stored / seconds));
    }
}
