package org.caseledger.api.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.serialization.json.JacksonSerializer;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.core.integrity.EventAuthenticator;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: what hash-chaining costs at append. Axon's JDBC storage engine appends one journal
 * note per transaction (synchronous commit on), ten events per case so that most appends look up the previous
 * hash, with and without the hashing appender, into the same table, at 1, 4 and 16 threads; median of three runs.
 * Run it with {@code ./mvnw -pl ledger-api -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=AppendBenchmark}; it writes {@code target/benchmarks/append-hashing.json}.
 */
class AppendBenchmark {

    private static final int EVENTS_PER_RUN = 4_000;
    private static final int EVENTS_PER_CASE = 10;
    private static final int RUNS = 3;
    private static final byte[] KEY = new byte[32];
    /** Every append here goes to a new sequence number; a duplicate key should fail the run loudly. */
    private static final PersistenceExceptionResolver NO_DUPLICATES_EXPECTED = exception -> false;

    @Test
    void appendThroughputWithAndWithoutHashing() throws Exception {
        TestDatabase.Database database = TestDatabase.another();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.user());
            pool.setPassword(database.password());
            pool.setMaximumPoolSize(16);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE bench_event_entry (LIKE domain_event_entry INCLUDING ALL)");
                for (String column : List.of("envelope_digest", "payload_digest", "previous_hash", "hash", "authenticator")) {
                    statement.execute("ALTER TABLE bench_event_entry ALTER COLUMN " + column + " DROP NOT NULL");
                }
            }
            Map<String, Object> results = new LinkedHashMap<>();
            for (int threads : List.of(1, 4, 16)) {
                double plain = median(pool, threads, JdbcEventStorageEngineStatements::appendEvents);
                double hashed = median(pool, threads, new HashingEventAppender(hash -> null));
                double authenticated = median(pool, threads, new HashingEventAppender(hash -> EventAuthenticator.of(KEY, hash)));
                results.put(threads + " threads", Map.of("withoutHashing", Math.round(plain), "withHashing", Math.round(hashed),
                        "withHashingAndAuthenticator", Math.round(authenticated), "ratio", Math.round(hashed / plain * 100) / 100.0,
                        "authenticatorRatio", Math.round(authenticated / hashed * 100) / 100.0));
                System.out.printf("Append, %2d threads: %6.0f events/s without hashing, %6.0f with, %6.0f with the authenticator too%n",
                        threads, plain, hashed, authenticated);
            }
            Path report = Files.createDirectories(Path.of("target", "benchmarks")).resolve("append-hashing.json");
            Files.writeString(report, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of(
                    "cores", Runtime.getRuntime().availableProcessors(), "jdk", System.getProperty("java.version"),
                    "eventsPerRun", EVENTS_PER_RUN, "runs", RUNS, "eventsPerTransaction", 1, "results", results)));
        }
    }

    private static double median(HikariDataSource pool, int threads, AppendEventsStatementBuilder appender) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            rates.add(run(pool, threads, appender));
        }
        rates.sort(Double::compare);
        return rates.get(RUNS / 2);
    }

    private static double run(HikariDataSource pool, int threads, AppendEventsStatementBuilder appender) throws Exception {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
                .build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(pool::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(NO_DUPLICATES_EXPECTED)
                .schema(EventSchema.builder().eventTable("bench_event_entry").globalIndexColumn("global_index")
                        .timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
                        .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
                        .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision").payloadColumn("payload")
                        .metaDataColumn("meta_data").build())
                .dataType(byte[].class)
                .appendEvents(appender)
                .build();
        int perThread = EVENTS_PER_RUN / threads;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(executor.submit(() -> {
                    CaseId caseId = null;
                    for (int i = 0; i < perThread; i++) {
                        if (i % EVENTS_PER_CASE == 0) {
                            caseId = CaseId.random();
                        }
                        engine.appendEvents(note(caseId, i % EVENTS_PER_CASE));
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            return perThread * threads / ((System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    private static GenericDomainEventMessage<JournalNoteRecorded> note(CaseId caseId, long sequence) {
        Instant now = Instant.now();
        return new GenericDomainEventMessage<>("Case", caseId.toString(), sequence, new JournalNoteRecorded(caseId, NoteId.random(),
                "Home visit: the family talked about school mornings and the younger brother's preschool place.",
                new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of("vivalla"), now, now,
                        UUID.randomUUID().toString(), UUID.randomUUID().toString(), null)));
    }
}
