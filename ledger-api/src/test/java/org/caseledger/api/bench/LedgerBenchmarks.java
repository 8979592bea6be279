package org.caseledger.api.bench;

import static org.caseledger.api.bench.BenchmarkReport.Direction.HIGHER_IS_BETTER;
import static org.caseledger.api.bench.BenchmarkReport.Direction.LOWER_IS_BETTER;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.caseledger.api.bench.BenchmarkReport.Figure;
import org.caseledger.api.bench.BenchmarkReport.Runs;
import org.caseledger.api.bench.BenchmarkReport.Target;
import org.caseledger.api.integrity.BenchWitnessPublishing;
import org.caseledger.api.integrity.CheckpointSealer;
import org.caseledger.api.integrity.LedgerVerifier;
import org.caseledger.api.integrity.VerificationStatus;
import org.caseledger.api.integrity.LogNotes;
import org.caseledger.api.integrity.VerificationReport;
import org.caseledger.api.processing.ProjectionAdmin;
import org.caseledger.api.support.IdentityProvider;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.StaffEntries;
import org.caseledger.api.support.SyntheticCases;
import org.caseledger.core.integrity.EventAuthenticator;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.cases.OpenCase;
import org.caseledger.core.cases.RecordJournalNote;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.witness.AddCheckpointRequest;
import org.caseledger.verify.witness.Cosigner;
import org.caseledger.verify.witness.Witness;
import org.caseledger.verify.witness.WitnessAnswer;
import org.caseledger.verify.witness.WitnessClient;
import org.caseledger.verify.witness.WitnessHttpServer;
import org.caseledger.verify.witness.WitnessState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every benchmark of the ledger, each with its physical reference from the same run, written to
 * {@code docs/benchmarks.md} and {@code docs/benchmarks.json}. A benchmark, not a test: it asserts only that what it
 * measured was real work (a rebuild reached the head, a verification found the ledger intact, no request failed).
 * Run it with the {@code bench} profile (docs/operations.md, "Benchmarks"); {@code -Dbench.events},
 * {@code -Dbench.runs} and {@code -Dbench.seconds} make a quicker, smaller run.
 * <p>
 * The ledger runs as in production: the identity provider's bearer tokens ({@code oidc} mode), the hash-chaining
 * appender, encrypted personal data, the access index and the read-access log, on a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.security.mode=oidc",
        "spring.security.oauth2.resourceserver.jwt.public-key-location=" + IdentityProvider.PUBLIC_KEY_LOCATION,
        "spring.security.oauth2.resourceserver.jwt.audiences=" + IdentityProvider.AUDIENCE,
        "ledger.security.oidc.issuer=" + IdentityProvider.ISSUER,
        "logging.level.root=WARN"})
@DirtiesContext
class LedgerBenchmarks {

    private static final TestDatabase.Database DATABASE = TestDatabase.another();

    private static final long EVENTS = Long.getLong("bench.events", 1_000_000);
    private static final int EVENTS_PER_CASE = Integer.getInteger("bench.events-per-case", 10);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final Duration RATE_RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
    /** The issue's paced load is sustained for five minutes. */
    private static final Duration LOAD_RUN = Duration.ofSeconds(Long.getLong("bench.load-seconds", 300));
    /** The closed-loop warm-up of each REST request before the paced runs. */
    private static final Duration LOAD_WARM_UP = Duration.ofSeconds(Long.getLong("bench.load-warm-up-seconds", 20));
    private static final List<Integer> THREADS = List.of(1, 4, 16);
    /** The client threads the append targets are stated at. */
    private static final int TARGET_THREADS = 16;
    /** Commands sent to measure what one of them writes ({@link WriteFootprint}). */
    private static final int FOOTPRINT_COMMANDS = 1_000;
    /** The physical references use every core the machine has. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The numbered benchmarks to run, for a run while tuning one of them; every one by default. */
    private static final String ALL_SECTIONS = "1,2,3,4,5,6,7,8";
    private static final String SECTIONS = System.getProperty("bench.sections", ALL_SECTIONS);
    /** Events appended for each run of the sealing benchmark (7). */
    private static final int EVENTS_PER_SEAL_RUN = Integer.getInteger("bench.seal-events", 20_000);
    /** Checkpoints submitted to the witness in each run of the witness round trip (7), one at a time. */
    private static final int WITNESS_ROUND_TRIPS = Integer.getInteger("bench.witness-round-trips", 50);
    /** The ledger the growth benchmark (8) grows to, in stages; the other sections then read it. */
    private static final long GROWTH_EVENTS = Long.getLong("bench.growth-events", EVENTS);
    /** Where the growth benchmark measures, as shares of {@code GROWTH_EVENTS}. */
    private static final double[] GROWTH_CHECKPOINTS = {0, 0.1, 0.25, 0.5, 1};
    /** The growth targets: at the largest ledger a figure is at most this many times what it was at the first checkpoint. */
    private static final double FLAT = 1.5;
    /** Events stored before the sections run: the fill, and the growth benchmark's ledger when it runs and is larger. */
    private static final long LEDGER_EVENTS = selected(8) ? Math.max(EVENTS, GROWTH_EVENTS) : EVENTS;
    /** Synthetic cases of the fill; the sections number their own synthetic cases after these. */
    private static final long FILLED_CASES = LEDGER_EVENTS / EVENTS_PER_CASE;
    /** Stored cases the harness keeps the ids of, for the REST load and the growth benchmark's notes. */
    private static final int SAMPLED_CASES = 100_000;
    private static final int HOT_CASES = 10;
    private static final int HOT_CASE_EVENTS = 1_000;
    private static final int FRESH_CASES = 20_000;
    /** Children registered for the cases section 1 opens, each of them named by every {@code CHILDREN}th case. */
    private static final int CHILDREN = 20_000;
    private static final int LATENCY_CALLS = 1_000;
    private static final int GET_RATE = 500;
    private static final int POST_RATE = 200;
    /** Enough that each connection's share of the paced rates (64 ms at 500/s, 160 ms at 200/s) outlasts a request. */
    private static final int LOAD_CONNECTIONS = 32;
    /** Synthetic histories are recorded in 2024; an as-of this late folds all of a synthetic case and nothing newer. */
    private static final Instant AFTER_SYNTHETIC_HISTORY = Instant.parse("2025-06-01T00:00:00Z");

    private static final UnitId UNIT = UnitId.of("vivalla");
    private static final String STAFF = "bench.worker";

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private ProjectionAdmin projections;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private CheckpointSealer sealer;

    @Autowired
    private LedgerVerifier verifier;

    @Autowired
    private LogNotes logNotes;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @LocalServerPort
    private int port;

    private final AtomicLong caseNumbers = new AtomicLong();
    private final AtomicLong nextChild = new AtomicLong();
    /** Synthetic cases filled so far, numbered from 0. */
    private long syntheticCases;
    private ProcessorClock clock;
    private List<PersonId> children;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = IdentityProvider.token(STAFF, Role.SOCIAL_SECRETARY.name(), UNIT.value());

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.registerIn(registry);
    }

    @Test
    void measureEveryFigureAgainstItsReference() throws Exception {
        try (HikariDataSource owner = ownerPool()) {
            References references = new References(owner);
            clock = new ProcessorClock(owner);
            BenchmarkReport report = new BenchmarkReport(machine(), parameters());
            // the commands are refused from anyone the staff registry does not have working in the unit and role
            StaffEntries.entered(new LedgerHttp(baseUrl()).bearer(IdentityProvider.token("bench.admin", Role.ADMINISTRATOR.name(),
                    UNIT.value())), STAFF, Role.SOCIAL_SECRETARY.name(), UNIT.value());

            CaseSample stored = new CaseSample(SAMPLED_CASES, 20_261_207);
            if (selected(8)) {
                grow(report, stored);
            }
            fill(stored, FILLED_CASES);
            references.createAppendTable();
            if (selected(3)) {
                rebuild(report, references, FILLED_CASES);
            } else {
                projections.rebuild(CaseViewProjection.PROCESSING_GROUP);
                awaitReadModelsAtHead();
            }
            if (selected(5)) {
                verify(report, references);
            }
            if (selected(1)) {
                appendDistinctCases(report, references);
            }
            if (selected(2)) {
                appendToHotCases(report, references);
            }
            if (selected(4)) {
                timeTravel(report, references);
            }
            if (selected(6)) {
                restUnderLoad(report, references, stored.ids());
            }
            if (selected(7)) {
                integrityAtAppendAndSeal(report, references);
            }

            // a partial run must not replace the committed report of every section
            boolean everySection = List.of(SECTIONS.split(",")).containsAll(List.of(ALL_SECTIONS.split(",")));
            report.write(Path.of(everySection ? System.getProperty("bench.report-directory", "target/benchmarks") : "target/benchmarks"));
        }
    }

    /**
     * The ledger the benchmarks read: synthetic cases of {@code EVENTS_PER_CASE} events, numbered from the last one
     * filled to {@code until}, appended past the read models (their processor stopped) and offered to the sample.
     */
    private void fill(CaseSample stored, long until) throws Exception {
        processing.eventProcessor(CaseViewProjection.PROCESSING_GROUP).ifPresent(EventProcessor::shutDown);
        long from = syntheticCases;
        if (until <= from) {
            return;
        }
        long start = System.nanoTime();
        int threads = 2;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(executor.submit(() -> {
                    for (long first = from + thread * 10L; first < until; first += threads * 10L) {
                        List<GenericDomainEventMessage<LedgerEvent>> batch = new ArrayList<>();
                        for (long c = first; c < Math.min(until, first + 10); c++) {
                            List<GenericDomainEventMessage<LedgerEvent>> history = SyntheticCases.history(c, EVENTS_PER_CASE);
                            stored.offer(history.get(0).getAggregateIdentifier());
                            batch.addAll(history);
                        }
                        transaction.executeWithoutResult(status -> eventStore.publish(batch));
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
        syntheticCases = until;
        System.out.printf("[bench] filled %,d events in %,d cases in %.0f s%n", (until - from) * EVENTS_PER_CASE, until - from,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Append latency and memory as the ledger grows from empty to {@code GROWTH_EVENTS}: at each checkpoint the ledger is
     * filled to its size with synthetic cases (as the fill does, past the read models, whose processor stays stopped, so
     * the commands here pay for the append path and the access index written in its transaction, not for a case view
     * catching up), then single commands are sent through the gateway one at a time: opening a case for a child
     * registered for it, and a journal note to a case drawn at random from every case stored so far (so that a larger
     * ledger is also a colder one for PostgreSQL's buffers). Beside their latencies: the processor time per command,
     * the heap in use after a full collection and the database's size.
     */
    private void grow(BenchmarkReport report, CaseSample stored) throws Exception {
        String section = "8. Growth";
        GrowthCurve curve = new GrowthCurve();
        for (double share : GROWTH_CHECKPOINTS) {
            fill(stored, Math.round(GROWTH_EVENTS * share) / EVENTS_PER_CASE);
            awaitEveryReadModelAtHead();
            GrowthCurve.Checkpoint checkpoint = growthCheckpoint(stored, curve.isEmpty());
            curve.add(checkpoint);
            System.out.printf(Locale.ROOT, "[bench] growth at %,d events: open a case p50 %.2f p99 %.2f ms, journal note p50 %.2f "
                            + "p99 %.2f ms, %.0f + %.0f µs a command, heap after GC %,d MiB, database %,d MiB%n", checkpoint.events(),
                    checkpoint.openCase().p50(), checkpoint.openCase().p99(), checkpoint.journalNote().p50(),
                    checkpoint.journalNote().p99(), checkpoint.jvmMicrosPerCommand(), checkpoint.postgresMicrosPerCommand(),
                    checkpoint.heapAfterGcBytes() >> 20, checkpoint.databaseBytes() >> 20);
        }
        report.growth(section, curve);
        GrowthCurve.Checkpoint first = curve.first();
        GrowthCurve.Checkpoint last = curve.last();
        String atLast = String.format(", at %,d events stored", last.events());
        String atFirst = String.format("the same at the first checkpoint, %,d events stored", first.events());
        Target flat = Target.efficiency(1 / FLAT, "flat: at most " + FLAT + " × at the first checkpoint");
        List<GrowthFigure> figures = List.of(
                new GrowthFigure("open a case through the command gateway, one at a time: p50", "ms", c -> c.openCase().p50()),
                new GrowthFigure("open a case through the command gateway, one at a time: p99", "ms", c -> c.openCase().p99()),
                new GrowthFigure("journal note to a random stored case, command gateway, one at a time: p50", "ms",
                        c -> c.journalNote().p50()),
                new GrowthFigure("journal note to a random stored case, command gateway, one at a time: p99", "ms",
                        c -> c.journalNote().p99()),
                new GrowthFigure("JVM heap used after a full collection", "MiB", c -> c.heapAfterGcBytes() / (1024.0 * 1024)));
        for (GrowthFigure figure : figures) {
            report.add(new Figure(section, figure.name() + atLast, figure.unit(), LOWER_IS_BETTER,
                    new Runs(List.of(figure.value().applyAsDouble(last))), atFirst, new Runs(List.of(figure.value().applyAsDouble(first))),
                    List.of(flat), null));
        }
        report.add(new Figure(section, "processor time per command, both commands" + atLast, "µs", LOWER_IS_BETTER,
                new Runs(List.of(last.jvmMicrosPerCommand() + last.postgresMicrosPerCommand())), atFirst,
                new Runs(List.of(first.jvmMicrosPerCommand() + first.postgresMicrosPerCommand())), List.of(),
                "One run per checkpoint, of " + LATENCY_CALLS + " commands of each kind after " + LATENCY_CALLS / 5
                        + " unmeasured; the read models' processor is stopped while the ledger grows. Every checkpoint in the "
                        + "table below and in the chart."));
    }

    /** One figure of the growth benchmark, read from a checkpoint. */
    private record GrowthFigure(String name, String unit, ToDoubleFunction<GrowthCurve.Checkpoint> value) {
    }

    /**
     * The figures at the ledger's present size. The first checkpoint warms the JVM up for {@code 2 × RATE_RUN} of each
     * command before it measures, so that the empty ledger's figures are not the JIT compiler's; the events that warm-up
     * appends are counted in the events stored.
     */
    private GrowthCurve.Checkpoint growthCheckpoint(CaseSample stored, boolean first) throws Exception {
        int warmUp = LATENCY_CALLS / 5;
        List<PersonId> registered = registerChildren(warmUp + LATENCY_CALLS);
        List<String> opened = Collections.synchronizedList(new ArrayList<>());
        Load.Operation open = (thread, call) -> opened.add(openCase(registered.get((int) (call % registered.size()))).toString());
        // before any case is stored, the notes go to the cases just opened
        Load.Operation note = (thread, call) -> note(CaseId.of(stored.size() > 0 ? stored.any() : opened.get((int) (call % opened.size()))));
        long warmUntil = System.nanoTime() + (first ? RATE_RUN.multipliedBy(2).toNanos() : 0);
        for (int call = 0; call < warmUp || System.nanoTime() < warmUntil; call++) {
            open.run(0, call);
            note.run(0, call);
        }
        long events = storedEvents();
        CpuTime.Reading before = clock.read();
        Load.Latencies openCase = Load.latencies(0, LATENCY_CALLS, (thread, call) -> open.run(thread, warmUp + call));
        Load.Latencies journalNote = Load.latencies(0, LATENCY_CALLS, note);
        CpuTime cpu = clock.since(before);
        opened.forEach(stored::offer);
        long commands = 2L * LATENCY_CALLS;
        long database = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
        return new GrowthCurve.Checkpoint(events, new GrowthCurve.Latency(openCase.p50(), openCase.p99()),
                new GrowthCurve.Latency(journalNote.p50(), journalNote.p99()), cpu.jvmNanos() / 1e3 / commands,
                cpu.postgresNanos() / 1e3 / commands, heapAfterFullCollection(), database);
    }

    /** The heap in use once a full collection has run: what the ledger holds, not what it has yet to collect. */
    private static long heapAfterFullCollection() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Every read model rebuilt from the stored events, against reading and parsing them in one slice per core; beside
     * the rates, the processor time per event of both, the JVM's and PostgreSQL's.
     */
    private void rebuild(BenchmarkReport report, References references, long cases) throws Exception {
        String section = "3. Rebuild";
        long events = storedEvents();
        RateRuns ledger = RateRuns.of(clock, RUNS, () -> {
            long start = System.nanoTime();
            projections.rebuild(CaseViewProjection.PROCESSING_GROUP);
            awaitReadModelsAtHead();
            long nanos = System.nanoTime() - start;
            long views = jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single();
            if (views < cases) {
                throw new IllegalStateException("the rebuild reached the head with " + views + " of " + cases + " case views");
            }
            return new Load.Run(events, nanos);
        });
        RateRuns reference = RateRuns.of(clock, RUNS, () -> references.parallelScanAndParse(CORES));
        Runs earlier = runs(() -> references.readAndDeserializeRate(eventSerializer));
        String name = "every read model from " + String.format("%,d", events) + " events";
        String referenceName = "plain JDBC read in global order, one slice per core (" + CORES + "), + a plain Jackson parse of each payload";
        report.add(new Figure(section, name, "events/s", HIGHER_IS_BETTER, ledger.rates(), referenceName, reference.rates(),
                List.of(Target.figure(50_000, "≥ 50,000 events/s"), Target.efficiency(0.5, "≥ 0.5 × reference")),
                "The reference before this run's change (the ledger's own serializer, decrypting, one thread): "
                        + BenchmarkReport.format(earlier.median()) + " events/s"));
        report.add(processorTime(section, "event", name, ledger, referenceName, reference));
    }

    /**
     * The full-ledger verification against scanning the same columns and hashing them in one slice per core; beside the
     * rates, the processor time per event of both.
     */
    private void verify(BenchmarkReport report, References references) throws Exception {
        String section = "5. Verify";
        sealer.sealPending();
        long events = storedEvents();
        RateRuns ledger = RateRuns.of(clock, RUNS, () -> {
            long start = System.nanoTime();
            VerificationReport verification = verifier.verifyLedger();
            long nanos = System.nanoTime() - start;
            if (verification.status() != VerificationStatus.INTACT || verification.eventsChecked() != events) {
                throw new IllegalStateException("the verification did not check an intact ledger: " + verification);
            }
            return new Load.Run(verification.eventsChecked(), nanos);
        });
        RateRuns reference = RateRuns.of(clock, RUNS, () -> references.scanAndHash(CORES));
        Runs earlier = runs(() -> references.scanAndHash(1).perSecond());
        String name = "full-ledger verification of " + String.format("%,d", events) + " events";
        String referenceName = "plain JDBC scan of the same columns + SHA-256 of the bytes, one slice per core (" + CORES + ")";
        report.add(new Figure(section, name, "events/s", HIGHER_IS_BETTER, ledger.rates(), referenceName, reference.rates(),
                List.of(Target.figure(200_000, "≥ 200,000 events/s"), Target.efficiency(0.5, "≥ 0.5 × reference")),
                "The reference before this run's change (one thread): " + BenchmarkReport.format(earlier.median()) + " events/s"));
        report.add(processorTime(section, "event", name, ledger, referenceName, reference));
    }

    /**
     * What the evidence of issue #14 costs: the authenticator each append computes, against the event hash the append
     * computed already; sealing fresh events (the check before sealing, the global tree, the signed note) against
     * reading and hashing the same columns with no ledger code; and publishing one checkpoint to a witness (see
     * {@link #witnessRoundTrip}) against the same HTTP exchange with a server that answers at once. None of it is in an
     * append's path: sealing and publishing run on the scheduler.
     */
    private void integrityAtAppendAndSeal(BenchmarkReport report, References references) throws Exception {
        byte[] key = new byte[32];
        byte[] eventHash = new byte[32];
        int hashes = 200_000;
        Runs authenticator = runs(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < hashes; i++) {
                eventHash[i & 31] ^= EventAuthenticator.of(key, eventHash)[0];
            }
            return (System.nanoTime() - start) / 1e3 / hashes;
        });
        Runs sha256 = runs(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < hashes; i++) {
                eventHash[i & 31] ^= org.caseledger.verify.primitives.Sha256.of(eventHash)[0];
            }
            return (System.nanoTime() - start) / 1e3 / hashes;
        });
        report.add(new Figure("7. Evidence at append and at sealing", "the authenticator of one event (HMAC-SHA256)", "µs",
                LOWER_IS_BETTER, authenticator, "SHA-256 of the 32-byte event hash, the same loop (the hash every append computes)",
                sha256, List.of(), null));
        long[] offset = {FILLED_CASES + 1_000_000};
        // what the earlier sections appended is sealed first, so that each run seals its own fresh events only
        sealer.sealPending();
        Runs seal = runs(() -> {
            long cases = EVENTS_PER_SEAL_RUN / EVENTS_PER_CASE;
            for (long c = 0; c < cases; c++) {
                List<GenericDomainEventMessage<LedgerEvent>> history = SyntheticCases.history(offset[0]++, EVENTS_PER_CASE);
                transaction.executeWithoutResult(status -> eventStore.publish(history));
            }
            long start = System.nanoTime();
            sealer.sealPending();
            return EVENTS_PER_SEAL_RUN / ((System.nanoTime() - start) / 1e9);
        });
        report.add(new Figure("7. Evidence at append and at sealing", "seal " + String.format("%,d", EVENTS_PER_SEAL_RUN)
                        + " fresh events: the check before sealing, the global tree, the signed note", "events/s", HIGHER_IS_BETTER, seal,
                "plain JDBC scan of the same columns + SHA-256 of the bytes", runs(() -> references.scanAndHash(1).perSecond()), List.of(), null));
        witnessRoundTrip(report, offset);
    }

    /**
     * The witness round trip as the scheduler makes it for each new checkpoint: the ledger's own {@code WitnessPublisher}
     * reads the newest checkpoint and the size the witness last cosigned, builds the consistency proof from the stored
     * tree, POSTs add-checkpoint (c2sp.org/tlog-witness: old size, proof, signed note) to the auditor's kit witness,
     * checks the returned cosignature against the witness's key and inserts it. The witness is the kit's, wired as its
     * {@code witness} command wires it (its state file, rewritten and forced to disk on each cosignature, its
     * {@code WitnessHttpServer}), but in this JVM on loopback rather than as a process of its own. Each round trip
     * publishes a fresh checkpoint of one new case, appended and sealed before the clock starts.
     * <p>
     * The reference, interleaved with it one for one: the same kit client ({@code WitnessClient}, on an HTTP client built
     * as the publisher builds its own) POSTs the very bytes the publisher sent to a JDK {@code HttpServer} on loopback
     * whose handler reads the body and answers at once with the cosignature line the witness returned: the HTTP
     * exchange and nothing of the witness, the proof or the database.
     */
    private void witnessRoundTrip(BenchmarkReport report, long[] offset) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "bench-witness"));
        SignerKey witnessKey = SignerKey.generate("witness.bench/loopback", SignatureType.COSIGNATURE_V1);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        byte[][] answer = {new byte[0]};
        HttpServer answersAtOnce = HttpServer.create(loopback, 16);
        answersAtOnce.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, answer[0].length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer[0]);
            }
        });
        answersAtOnce.start();
        try (WitnessState state = WitnessState.open(directory.resolve("state-" + UUID.randomUUID()));
             WitnessHttpServer witness = WitnessHttpServer.start(new Witness(new Cosigner(witnessKey, Clock.systemUTC()),
                     List.of(logNotes.verifierKey()), state), loopback)) {
            BenchWitnessPublishing publishing = new BenchWitnessPublishing(context, "http://127.0.0.1:" + witness.address().getPort(),
                    witnessKey.verifierKey().format());
            WitnessClient reference = new WitnessClient(URI.create("http://127.0.0.1:" + answersAtOnce.getAddress().getPort()),
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(10));
            // the first submission carries the whole ledger's checkpoint from size 0; warm both sides up past it
            roundTrips(publishing, reference, answer, offset, WITNESS_ROUND_TRIPS);
            List<Double> ledger = new ArrayList<>();
            List<Double> exchangeOnly = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                double[][] millis = roundTrips(publishing, reference, answer, offset, WITNESS_ROUND_TRIPS);
                ledger.add(median(millis[0]));
                exchangeOnly.add(median(millis[1]));
            }
            report.add(new Figure("7. Evidence at append and at sealing", "publish one new checkpoint to a witness: WitnessPublisher "
                    + "POSTs add-checkpoint (c2sp.org/tlog-witness: old size, consistency proof, signed note), checks and stores the "
                    + "cosignature; the kit's witness (WitnessHttpServer, state file forced to disk) in this JVM, over loopback; p50 of "
                    + WITNESS_ROUND_TRIPS + " a run", "ms", LOWER_IS_BETTER, new Runs(ledger),
                    "the same kit client (WitnessClient, HTTP client built as the publisher's) POSTing the same bytes over loopback "
                    + "to a JDK HttpServer handler that answers the cosignature line at once (no witness code, no proof, no database), "
                    + "interleaved one for one", new Runs(exchangeOnly), List.of(), null));
        } finally {
            answersAtOnce.stop(0);
        }
    }

    /**
     * {@code count} round trips to the witness, each of a fresh checkpoint, each followed by the reference's exchange of
     * the same request bytes; answers their times in milliseconds, the witness's first and the reference's second.
     */
    private double[][] roundTrips(BenchWitnessPublishing publishing, WitnessClient reference, byte[][] answer, long[] offset, int count)
            throws Exception {
        double[][] millis = new double[2][count];
        for (int trip = 0; trip < count; trip++) {
            long cosigned = publishing.cosignedSize();
            publish(SyntheticCases.history(offset[0]++, EVENTS_PER_CASE));
            // the scheduled sealer may be sealing too; the round trip starts once a checkpoint beyond the cosigned one is signed
            while (jdbc.sql("SELECT coalesce(max(tree_size), 0) FROM ledger_checkpoint").query(Long.class).single() <= cosigned) {
                sealer.sealPending();
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            publishing.publishLatest();
            millis[0][trip] = (System.nanoTime() - start) / 1e6;
            long now = publishing.cosignedSize();
            if (now <= cosigned) {
                throw new IllegalStateException("the witness did not cosign beyond size " + cosigned + "; see the log");
            }
            AddCheckpointRequest request = publishing.request(cosigned, now);
            answer[0] = publishing.cosignatureLine(now).getBytes(StandardCharsets.UTF_8);
            start = System.nanoTime();
            WitnessAnswer echoed = reference.addCheckpoint(request);
            millis[1][trip] = (System.nanoTime() - start) / 1e6;
            if (!(echoed instanceof WitnessAnswer.Cosigned)) {
                throw new IllegalStateException("the reference server's answer was not read as a cosignature: " + echoed);
            }
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * Opening new cases, through the command gateway and over HTTP, against plain JDBC writing what opening one writes
     * ({@link WriteFootprint}, {@link MatchingAppend}): one transaction per command at the same threads, and at
     * {@code TARGET_THREADS} the same rows batched. The reference before that one (a single event-sized row per
     * transaction) stays in the notes, so the change is visible. Each rate has the processor time per command beside it.
     */
    private void appendDistinctCases(BenchmarkReport report, References references) throws Exception {
        String section = "1. Append, distinct cases";
        References.EventRow row = references.storedEvent("CaseOpened");
        children = registerChildren(CHILDREN);
        awaitEveryReadModelAtHead();
        Wrk wrk = wrk(children.stream().map(PersonId::toString).toList());
        Wrk.Request openCase = new Wrk.Request("POST", "/api/v1/cases", "{\"origin\":\"APPLICATION\",\"child\":\"{id}\","
                + "\"household\":\"{uuid}\",\"receivedAt\":\"2026-11-02T08:00:00Z\"}");
        Load.rate(TARGET_THREADS, RATE_RUN, (thread, call) -> openCaseThroughGateway());
        // before wrk's warm-up, whose last requests the server still answers after wrk has stopped counting
        WriteFootprint footprint = footprint(references, "open a case", (thread, call) -> openCaseThroughGateway());
        MatchingAppend matching = references.matchingAppend(footprint);
        wrk.closedLoop(openCase, TARGET_THREADS, RATE_RUN);
        for (int threads : THREADS) {
            Runs earlier = runs(() -> references.appendRate(row, threads, RATE_RUN));
            RateRuns reference = RateRuns.of(clock, RUNS, () -> matching.oneTransactionPerCommand(threads, RATE_RUN));
            RateRuns gateway = RateRuns.of(clock, RUNS, () -> Load.run(threads, RATE_RUN, (thread, call) -> openCaseThroughGateway()));
            RateRuns rest = RateRuns.of(clock, RUNS, () -> asRun(wrk.closedLoop(openCase, threads, RATE_RUN)));
            String referenceName = matching.name() + ", " + threads + " threads";
            String gatewayName = "open a case through the command gateway, " + threads + " threads";
            String restName = "POST /api/v1/cases, " + threads + " connections";
            boolean first = threads == THREADS.get(0);
            boolean targeted = threads == TARGET_THREADS;
            report.add(new Figure(section, gatewayName, "commands/s", HIGHER_IS_BETTER, gateway.rates(), referenceName, reference.rates(),
                    targeted ? List.of(Target.efficiency(0.5, "≥ 0.5 × matching JDBC reference")) : List.of(),
                    (first ? "What one command writes, " + footprint.describe() + ". " : "") + againstEarlier(gateway, earlier, threads)));
            if (targeted) {
                RateRuns batched = RateRuns.of(clock, RUNS, () -> matching.batched(threads, RATE_RUN));
                report.add(new Figure(section, gatewayName, "commands/s", HIGHER_IS_BETTER, gateway.rates(),
                        matching.batchedName() + ", " + threads + " threads", batched.rates(), List.of(),
                        "processor time per command of this reference: " + batched.cpuSplit()));
            }
            report.add(new Figure(section, restName, "requests/s", HIGHER_IS_BETTER, rest.rates(), referenceName, reference.rates(),
                    targeted ? List.of(Target.efficiency(0.25, "≥ 0.25 × matching JDBC reference")) : List.of(),
                    againstEarlier(rest, earlier, threads)));
            report.add(processorTime(section, gatewayName, gateway, referenceName, reference));
            report.add(processorTime(section, restName, rest, referenceName, reference));
        }
    }

    /** The efficiency against the append reference before the matching one, for the note of a figure. */
    private static String againstEarlier(RateRuns ledger, Runs earlier, int threads) {
        return String.format(Locale.ROOT, "The reference before this one (plain JDBC insert of one event-sized row per transaction, "
                + "%d threads): %s/s, efficiency %.2f", threads, BenchmarkReport.format(earlier.median()),
                ledger.rates().median() / earlier.median());
    }

    /** The processor time per command of a rate measurement, against its reference's. */
    private static Figure processorTime(String section, String name, RateRuns ledger, String referenceName, RateRuns reference) {
        return processorTime(section, "command", name, ledger, referenceName, reference);
    }

    /** The processor time per operation (a command, an event) of a rate measurement, against its reference's. */
    private static Figure processorTime(String section, String operation, String name, RateRuns ledger, String referenceName,
                                        RateRuns reference) {
        return new Figure(section, "processor time per " + operation + ": " + name, "µs", LOWER_IS_BETTER, ledger.cpuPerCall(),
                referenceName, reference.cpuPerCall(), List.of(), "ledger " + ledger.cpuSplit() + "; reference " + reference.cpuSplit()
                        + " (this JVM's time and that of the benchmark database's PostgreSQL backends and the cluster's WAL writer, "
                        + "checkpointer and background writer meanwhile, the read models catching up included; not the load generator's)");
    }

    /**
     * What one command writes ({@link WriteFootprint}), from {@code FOOTPRINT_COMMANDS} of them sent one after the other;
     * each must write rows of its own.
     */
    private static WriteFootprint footprint(References references, String command, Load.Operation send) throws Exception {
        long head = references.headPosition();
        for (int call = 0; call < FOOTPRINT_COMMANDS; call++) {
            send.run(0, call);
        }
        return references.footprint(command, head, FOOTPRINT_COMMANDS);
    }

    private static Load.Run asRun(Wrk.Result result) {
        return new Load.Run(result.requests(), Math.round(result.requests() / result.requestsPerSecond() * 1e9));
    }

    /**
     * Journal notes to a few cases of long histories against the same command to cases of one event, both at
     * {@code TARGET_THREADS}; and the latter against plain JDBC writing what a note writes ({@link MatchingAppend}), one
     * transaction per note and batched, with the processor time per note beside each.
     */
    private void appendToHotCases(BenchmarkReport report, References references) throws Exception {
        String section = "2. Append to hot cases";
        List<CaseId> hot = new ArrayList<>();
        for (int c = 0; c < HOT_CASES; c++) {
            hot.add(publish(SyntheticCases.history(FILLED_CASES + c, HOT_CASE_EVENTS)));
        }
        List<CaseId> fresh = new ArrayList<>();
        for (int c = 0; c < FRESH_CASES; c += 100) {
            List<GenericDomainEventMessage<LedgerEvent>> batch = new ArrayList<>();
            for (int k = c; k < c + 100; k++) {
                List<GenericDomainEventMessage<LedgerEvent>> opening = SyntheticCases.history(FILLED_CASES + HOT_CASES + k, 1);
                fresh.add(CaseId.of(opening.get(0).getAggregateIdentifier()));
                batch.addAll(opening);
            }
            transaction.executeWithoutResult(status -> eventStore.publish(batch));
        }
        awaitEveryReadModelAtHead();
        // the last fresh cases, one each, which the warm-up below has not reached yet
        WriteFootprint footprint = footprint(references, "record a journal note",
                (thread, call) -> note(fresh.get((int) (FRESH_CASES - 1 - call))));
        MatchingAppend matching = references.matchingAppend(footprint);
        AtomicLong nextFresh = new AtomicLong();
        Load.Operation toHot = (thread, call) -> note(hot.get((int) ((thread + call) % HOT_CASES)));
        Load.Operation toFresh = (thread, call) -> note(fresh.get((int) (nextFresh.getAndIncrement() % FRESH_CASES)));
        Load.rate(TARGET_THREADS, RATE_RUN, toHot);
        Load.rate(TARGET_THREADS, RATE_RUN, toFresh);
        RateRuns hotRuns = new RateRuns(clock);
        RateRuns freshRuns = new RateRuns(clock);
        for (int run = 0; run < RUNS; run++) {
            freshRuns.take(() -> Load.run(TARGET_THREADS, RATE_RUN, toFresh));
            hotRuns.take(() -> Load.run(TARGET_THREADS, RATE_RUN, toHot));
        }
        RateRuns reference = RateRuns.of(clock, RUNS, () -> matching.oneTransactionPerCommand(TARGET_THREADS, RATE_RUN));
        RateRuns batched = RateRuns.of(clock, RUNS, () -> matching.batched(TARGET_THREADS, RATE_RUN));
        String hotName = "journal note to " + HOT_CASES + " cases of " + HOT_CASE_EVENTS + "+ events, command gateway, "
                + TARGET_THREADS + " threads";
        String freshName = "journal note to cases of one event, command gateway, " + TARGET_THREADS + " threads";
        String referenceName = matching.name() + ", " + TARGET_THREADS + " threads";
        report.add(new Figure(section, hotName, "commands/s", HIGHER_IS_BETTER, hotRuns.rates(),
                "the same command to cases of one event, same run", freshRuns.rates(),
                List.of(Target.efficiency(0.8, "≥ 0.8 × fresh cases")), null));
        report.add(new Figure(section, freshName, "commands/s", HIGHER_IS_BETTER, freshRuns.rates(), referenceName, reference.rates(),
                List.of(), "What one command writes, " + footprint.describe()));
        report.add(new Figure(section, freshName, "commands/s", HIGHER_IS_BETTER, freshRuns.rates(),
                matching.batchedName() + ", " + TARGET_THREADS + " threads", batched.rates(), List.of(),
                "processor time per command of this reference: " + batched.cpuSplit()));
        report.add(processorTime(section, hotName, hotRuns, referenceName, reference));
        report.add(processorTime(section, freshName, freshRuns, referenceName, reference));
    }

    private void timeTravel(BenchmarkReport report, References references) throws Exception {
        CaseId caseId = publish(SyntheticCases.history(FILLED_CASES + HOT_CASES + FRESH_CASES, HOT_CASE_EVENTS));
        URI asOf = URI.create(baseUrl() + "/api/v1/cases/" + caseId + "?asOf=" + AFTER_SYNTHETIC_HISTORY);
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> referenceP50 = new ArrayList<>();
        List<Double> referenceP99 = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Load.Latencies ledger = Load.latencies(LATENCY_CALLS / 5, LATENCY_CALLS, (thread, call) -> get(asOf));
            Load.Latencies reference = references.readStreamLatencies(caseId.toString(), eventSerializer, LATENCY_CALLS / 5, LATENCY_CALLS);
            p50.add(ledger.p50());
            p99.add(ledger.p99());
            referenceP50.add(reference.p50());
            referenceP99.add(reference.p99());
        }
        String name = "GET /api/v1/cases/{id}?asOf, a case of " + HOT_CASE_EVENTS + " events, one request at a time";
        String referenceName = "plain JDBC read of the case's events + payload deserialization";
        report.add(new Figure("4. Time travel", name + ": p50", "ms", LOWER_IS_BETTER, new Runs(p50), referenceName,
                new Runs(referenceP50), List.of(), null));
        report.add(new Figure("4. Time travel", name + ": p99", "ms", LOWER_IS_BETTER, new Runs(p99), referenceName,
                new Runs(referenceP99), List.of(Target.figure(20, "p99 < 20 ms")), null));
    }

    /**
     * The issue's load: GET at {@code GET_RATE} and POST at {@code POST_RATE} a second at the same time, from two wrk
     * processes, for {@code LOAD_RUN}, each request kind against its physical reference; a failed or refused request
     * stops the benchmark. The heap limit the issue sets ({@code -Xmx512m}) is the benchmark JVM's, from the bench profile.
     */
    private void restUnderLoad(BenchmarkReport report, References references, List<String> caseIds) throws Exception {
        long cases = jdbc.sql("SELECT count(*) FROM case_view").query(Long.class).single();
        String withCases = String.format(", %,d events and %,d cases in the store", storedEvents(), cases);
        Wrk wrk = wrk(caseIds);
        Wrk writer = new Wrk(baseUrl(), token, caseIds, Path.of("target", "bench-wrk-post"));
        Wrk.Request read = new Wrk.Request("GET", "/api/v1/cases/{id}", null);
        Wrk.Request write = new Wrk.Request("POST", "/api/v1/cases/{id}/notes",
                "{\"text\":\"Telephone call with the mother about the school meeting on Thursday; she will bring the boy.\"}");
        References.EventRow note = references.storedEvent("JournalNoteRecorded");

        // Warmed up by both requests for as long as a measured run: with a few seconds of it, the paced p50 fell by half
        // from the first measured run to the third as the JIT settled.
        wrk.closedLoop(read, LOAD_CONNECTIONS, LOAD_WARM_UP);
        wrk.closedLoop(write, LOAD_CONNECTIONS, LOAD_WARM_UP);
        awaitReadModelsAtHead();
        List<Wrk.Result> reads = new ArrayList<>();
        List<Wrk.Result> writes = new ArrayList<>();
        List<Load.Latencies> readReferences = new ArrayList<>();
        List<Load.Latencies> writeReferences = new ArrayList<>();
        List<Double> heapAfter = new ArrayList<>();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            for (int run = 0; run < RUNS; run++) {
                // both calibrate for the same RATE_RUN and then load for the same LOAD_RUN, so the two loads overlap throughout
                Future<Wrk.Result> reading = both.submit(() -> wrk.paced(read, GET_RATE, LOAD_CONNECTIONS, RATE_RUN, LOAD_RUN));
                Future<Wrk.Result> writing = both.submit(() -> writer.paced(write, POST_RATE, LOAD_CONNECTIONS, RATE_RUN, LOAD_RUN));
                reads.add(reading.get());
                writes.add(writing.get());
                heapAfter.add(heapAfterFullCollection() / (1024.0 * 1024));
                readReferences.add(references.caseViewLatencies(caseIds, LATENCY_CALLS / 5, LATENCY_CALLS));
                writeReferences.add(references.appendLatencies(note, LATENCY_CALLS / 5, LATENCY_CALLS));
            }
        } finally {
            both.shutdownNow();
        }
        String together = " together, for " + LOAD_RUN.toSeconds() + " s";
        String readName = "GET /api/v1/cases/{id} at " + GET_RATE + " requests/s and POST at " + POST_RATE + " requests/s" + together
                + withCases;
        String writeName = "POST /api/v1/cases/{id}/notes at " + POST_RATE + " requests/s and GET at " + GET_RATE + " requests/s"
                + together + withCases;
        String readReference = "plain JDBC read of the case view row by key, one at a time";
        String writeReference = "plain JDBC insert of one event-sized row per transaction, one at a time";
        String section = "6. REST under load";
        report.add(new Figure(section, readName + ": p50", "ms", LOWER_IS_BETTER, runs(reads, Wrk.Result::p50Millis), readReference,
                runs(readReferences, Load.Latencies::p50), List.of(), null));
        report.add(new Figure(section, readName + ": p99", "ms", LOWER_IS_BETTER, runs(reads, Wrk.Result::p99Millis), readReference,
                runs(readReferences, Load.Latencies::p99), List.of(Target.figure(10, "p99 < 10 ms")), null));
        report.add(new Figure(section, readName + ": rate reached", "requests/s", HIGHER_IS_BETTER,
                runs(reads, Wrk.Result::requestsPerSecond), null, null, List.of(), null));
        report.add(new Figure(section, writeName + ": p50", "ms", LOWER_IS_BETTER, runs(writes, Wrk.Result::p50Millis), writeReference,
                runs(writeReferences, Load.Latencies::p50), List.of(), null));
        report.add(new Figure(section, writeName + ": p99", "ms", LOWER_IS_BETTER, runs(writes, Wrk.Result::p99Millis), writeReference,
                runs(writeReferences, Load.Latencies::p99), List.of(Target.figure(50, "p99 < 50 ms")), null));
        report.add(new Figure(section, writeName + ": rate reached", "requests/s", HIGHER_IS_BETTER,
                runs(writes, Wrk.Result::requestsPerSecond), null, null, List.of(), null));
        double maxHeap = Runtime.getRuntime().maxMemory() / (1024.0 * 1024);
        report.add(new Figure(section, "JVM heap limit (-Xmx) under this load", "MiB", LOWER_IS_BETTER, new Runs(List.of(maxHeap)), null,
                null, List.of(Target.atMost(512, "heap limited to 512 MB")), String.format(Locale.ROOT, "heap used after a full "
                        + "collection after each run: %s MiB; no request failed or was refused (one would have stopped the benchmark)",
                new Runs(heapAfter).values().stream().map(BenchmarkReport::format).toList())));
        report.add(new Figure(section, "GET /api/v1/cases/{id}, throughput at 16 connections" + withCases, "requests/s",
                HIGHER_IS_BETTER, runs(() -> wrk.closedLoop(read, 16, RATE_RUN).requestsPerSecond()), null, null, List.of(), null));
        report.add(new Figure(section, "POST /api/v1/cases/{id}/notes, throughput at 16 connections" + withCases, "requests/s",
                HIGHER_IS_BETTER, runs(() -> wrk.closedLoop(write, 16, RATE_RUN).requestsPerSecond()), null, null, List.of(), null));
    }

    /**
     * The children the cases of section 1 are opened for, registered straight to the event store: a case names a
     * registered child. Each case takes the next child in turn, so commands at once seldom name the same one.
     */
    private List<PersonId> registerChildren(int count) {
        List<PersonId> registered = new ArrayList<>();
        for (int c = 0; c < count; c += 100) {
            List<GenericDomainEventMessage<LedgerEvent>> batch = new ArrayList<>();
            for (int k = c; k < c + 100; k++) {
                PersonId child = PersonId.random();
                registered.add(child);
                batch.add(SyntheticCases.registration(child));
            }
            transaction.executeWithoutResult(status -> eventStore.publish(batch));
        }
        return List.copyOf(registered);
    }

    private void openCaseThroughGateway() {
        openCase(children.get((int) (nextChild.getAndIncrement() % CHILDREN)));
    }

    private CaseId openCase(PersonId child) {
        Instant now = Instant.now();
        long serial = caseNumbers.incrementAndGet();
        CaseId caseId = CaseId.random();
        commands.sendAndWait(new OpenCase(caseId, CaseNumber.of(String.format("%d-%06d", 2030 + serial / 1_000_000,
                serial % 1_000_000)), UNIT, CaseOrigin.APPLICATION, child, HouseholdId.random(), now, envelope(now)));
        return caseId;
    }

    private void note(CaseId caseId) {
        Instant now = Instant.now();
        commands.sendAndWait(new RecordJournalNote(caseId, NoteId.random(),
                "Home visit: the family talked about school mornings and the younger brother's preschool place.", envelope(now)));
    }

    private static Envelope envelope(Instant now) {
        return new Envelope(StaffId.of(STAFF), Role.SOCIAL_SECRETARY, UNIT, now, now, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), null);
    }

    private CaseId publish(List<GenericDomainEventMessage<LedgerEvent>> history) {
        transaction.executeWithoutResult(status -> eventStore.publish(history));
        return CaseId.of(history.get(0).getAggregateIdentifier());
    }

    private void get(URI uri) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }

    private Wrk wrk(List<String> caseIds) throws Exception {
        return new Wrk(baseUrl(), token, caseIds, Path.of("target", "bench-wrk"));
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private void awaitReadModelsAtHead() throws InterruptedException {
        while (true) {
            ProjectionAdmin.Status status = projections.status(CaseViewProjection.PROCESSING_GROUP);
            if (!status.replaying() && status.position() == status.head()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Every read model that runs at the head, so that catching up on what was just stored is not counted in a run. */
    private void awaitEveryReadModelAtHead() throws InterruptedException {
        while (!projections.statuses().stream()
                .allMatch(status -> !status.running() || !status.replaying() && status.position() == status.head())) {
            Thread.sleep(200);
        }
    }

    private static boolean selected(int section) {
        return List.of(SECTIONS.split(",")).contains(Integer.toString(section));
    }

    /** A measurement that throws: the benchmark stops rather than report a figure of failed work. */
    @FunctionalInterface
    private interface Measurement {
        double take() throws Exception;
    }

    private static Runs runs(Measurement measurement) throws Exception {
        List<Double> values = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            values.add(measurement.take());
        }
        return new Runs(values);
    }

    private static <T> Runs runs(List<T> results, ToDoubleFunction<T> figure) {
        return new Runs(results.stream().map(figure::applyAsDouble).toList());
    }

    private static HikariDataSource ownerPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(DATABASE.url());
        pool.setUsername(DATABASE.user());
        pool.setPassword(DATABASE.password());
        pool.setMaximumPoolSize(16);
        return pool;
    }

    private Map<String, Object> machine() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memory", String.format("%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        machine.put("operating system", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("JVM heap (max)", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        machine.put("PostgreSQL", jdbc.sql("SELECT version()").query(String.class).single());
        machine.put("PostgreSQL synchronous_commit", jdbc.sql("SHOW synchronous_commit").query(String.class).single());
        machine.put("PostgreSQL shared_buffers", jdbc.sql("SHOW shared_buffers").query(String.class).single());
        machine.put("PostgreSQL source", DATABASE.source());
        machine.put("load generator", Wrk.version());
        machine.put("placement", "application, PostgreSQL and load generator on the same machine, over loopback");
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("events in the ledger (rebuild, verify)", String.format("%,d", LEDGER_EVENTS));
        parameters.put("events per case", EVENTS_PER_CASE);
        parameters.put("cases in the store (REST)", String.format("%,d", FILLED_CASES));
        parameters.put("growth (8)", "checkpoints at " + Arrays.stream(GROWTH_CHECKPOINTS)
                .mapToObj(share -> GrowthCurve.events(Math.round(GROWTH_EVENTS * share))).toList() + " events");
        parameters.put("runs per figure", RUNS);
        parameters.put("benchmarks run", SECTIONS);
        parameters.put("length of a rate run", RATE_RUN.toSeconds() + " s");
        parameters.put("length of a load run", LOAD_RUN.toSeconds() + " s, after a closed-loop warm-up of " + LOAD_WARM_UP.toSeconds()
                + " s for each request");
        parameters.put("client threads / connections", THREADS);
        parameters.put("hot cases", HOT_CASES + " cases of " + HOT_CASE_EVENTS + " events");
        parameters.put("commands measured for what one writes (append references)", FOOTPRINT_COMMANDS);
        parameters.put("latency samples per run", LATENCY_CALLS + " after " + LATENCY_CALLS / 5 + " unmeasured");
        parameters.put("witness round trips per run", WITNESS_ROUND_TRIPS + " after " + WITNESS_ROUND_TRIPS + " unmeasured");
        parameters.put("paced load", "GET " + GET_RATE + "/s and POST " + POST_RATE + "/s together, each from a wrk of its own with "
                + LOAD_CONNECTIONS + " connections, each paced after a calibrating run");
        parameters.put("authentication", "bearer JWT of the identity provider (oidc mode)");
        return parameters;
    }
}
