package org.caseledger.api.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.LedgerFill;
import org.caseledger.api.support.TestDatabase;
import org.caseledger.core.integrity.Sha256;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A benchmark, not a test: how fast the whole ledger verifies, against what merely reading the same rows costs. Fills
 * a database of its own with {@code verify.events} hash-chained, sealed events (default 1,000,000; see
 * {@link LedgerFill}), then times, alternately, a plain JDBC scan of the columns verification reads plus SHA-256 of
 * every payload (the reference) and {@link LedgerVerifier#verifyLedger()}; {@code verify.runs} runs each (default 3),
 * medians reported. Run it with {@code ./mvnw -pl ledger-api -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=VerifyProbe}; it writes {@code target/benchmarks/verify-ledger.json}.
 * {@code -Dverify.keep=true} keeps the filled database and prints its name; {@code -Dverify.database=NAME} measures
 * on such a database again instead of filling a new one (its checkpoints are signed with
 * {@code target/verify-probe/signing-key.pem}, generated on the first run: keep that file with the database).
 */
class VerifyProbe {

    private static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, event_identifier, "
            + "payload_type, payload_revision, payload, envelope_digest, payload_digest, previous_hash, hash";

    @Test
    void fullLedgerVerificationAgainstAPlainScan() throws Exception {
        long events = Long.getLong("verify.events", 1_000_000);
        int runs = Integer.getInteger("verify.runs", 3);
        String reuse = System.getProperty("verify.database");
        boolean keep = reuse != null || Boolean.getBoolean("verify.keep");
        TestDatabase.Database database = reuse == null ? TestDatabase.another() : TestDatabase.existing(reuse);
        Flyway.configure().dataSource(database.url(), database.user(), database.password()).load().migrate();
        Path keyFile = Path.of("target", "verify-probe", "signing-key.pem");
        SigningKey signingKey = new SigningKey(new IntegrityProperties(keyFile, null, 0, 0));
        Map<String, Object> results = new LinkedHashMap<>();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.user());
            pool.setPassword(database.password());
            pool.setMaximumPoolSize(2);
            JdbcClient jdbc = JdbcClient.create(pool);
            if (jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single() == 0) {
                try (Connection owner = database.ownerConnection()) {
                    LedgerFill.Filled filled = LedgerFill.fill(owner, signingKey, LedgerFill.Shape.of(events));
                    System.out.printf("Filled %d events in %d cases, %d checkpoints, in %d ms (%.0f events/s), %d payload bytes%n",
                            filled.events(), filled.cases(), filled.checkpoints(), filled.took().toMillis(),
                            filled.eventsPerSecond(), filled.payloadBytes());
                    results.put("fill", Map.of("events", filled.events(), "ms", filled.took().toMillis(),
                            "eventsPerSecond", Math.round(filled.eventsPerSecond()), "payloadBytes", filled.payloadBytes()));
                }
                // What autovacuum would have done by the time anyone verifies a ledger this size.
                try (Connection owner = database.ownerConnection(); Statement statement = owner.createStatement()) {
                    statement.execute("VACUUM ANALYZE");
                }
            }
            long stored = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
            LedgerVerifier verifier = new LedgerVerifier(pool, jdbc, new DataSourceTransactionManager(pool), signingKey);

            reference(pool);
            List<Double> referenceRates = new ArrayList<>();
            List<Double> verifyRates = new ArrayList<>();
            List<Long> referenceJvmCpu = new ArrayList<>();
            List<Long> referenceServerCpu = new ArrayList<>();
            List<Long> verifyJvmCpu = new ArrayList<>();
            List<Long> verifyServerCpu = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                CpuClock cpu = CpuClock.start(jdbc);
                long start = System.nanoTime();
                long scanned = reference(pool);
                double referenceRate = scanned / ((System.nanoTime() - start) / 1e9);
                String referenceTime = cpu.stop(referenceJvmCpu, referenceServerCpu);
                cpu = CpuClock.start(jdbc);
                start = System.nanoTime();
                VerificationReport report = verifier.verifyLedger();
                double verifyRate = report.eventsChecked() / ((System.nanoTime() - start) / 1e9);
                String verifyTime = cpu.stop(verifyJvmCpu, verifyServerCpu);
                assertThat(report.status()).as(report.toString()).isEqualTo("INTACT");
                assertThat(report.eventsChecked()).isEqualTo(stored);
                referenceRates.add(referenceRate);
                verifyRates.add(verifyRate);
                System.out.printf("Run %d: reference %.0f events/s (%s), verification %.0f events/s (%s), ratio %.2f%n",
                        run + 1, referenceRate, referenceTime, verifyRate, verifyTime, verifyRate / referenceRate);
            }
            double reference = median(referenceRates);
            double verification = median(verifyRates);
            System.out.printf("Verification of %d events, median of %d runs: %.0f events/s; reference scan %.0f events/s; ratio %.2f%n",
                    stored, runs, verification, reference, verification / reference);
            results.put("events", stored);
            results.put("runs", runs);
            results.put("verificationEventsPerSecond", Math.round(verification));
            results.put("referenceEventsPerSecond", Math.round(reference));
            results.put("ratio", Math.round(verification / reference * 100) / 100.0);
            results.put("verificationRuns", verifyRates.stream().map(Math::round).toList());
            results.put("referenceRuns", referenceRates.stream().map(Math::round).toList());
            results.put("verificationJvmCpuMillis", verifyJvmCpu);
            results.put("verificationServerCpuMillis", verifyServerCpu);
            results.put("referenceJvmCpuMillis", referenceJvmCpu);
            results.put("referenceServerCpuMillis", referenceServerCpu);
        } finally {
            if (keep) {
                System.out.println("The filled database is kept: -Dverify.database=" + database.url().replaceAll(".*/|\\?.*", ""));
            } else {
                TestDatabase.drop(database);
            }
        }
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("jdk", System.getProperty("java.version"));
        Path report = Files.createDirectories(Path.of("target", "benchmarks")).resolve("verify-ledger.json");
        Files.writeString(report, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
    }

    /** Reads every row verification reads, every column, and hashes each payload: the least a verification can cost. */
    private static long reference(HikariDataSource pool) throws Exception {
        MessageDigest sha256 = Sha256.digest();
        long rows = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(2_000);
                try (ResultSet rs = statement.executeQuery("SELECT " + COLUMNS + " FROM domain_event_entry")) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        rs.getLong(3);
                        rs.getString(4);
                        rs.getString(5);
                        rs.getString(6);
                        sha256.update(rs.getBytes(7));
                        sha256.digest();
                        rs.getBytes(8);
                        rs.getBytes(9);
                        rs.getBytes(10);
                        rs.getBytes(11);
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        return rows;
    }

    /**
     * Processor time spent by this JVM and, when the database server runs on this host and its processes can be read,
     * by the server processes of this database. On a busy machine the elapsed time says little; these say what a run
     * cost. Parallel workers the server starts for a query are not counted.
     */
    private record CpuClock(long jvm, Map<Integer, Long> server) {

        private static final long TICKS_PER_SECOND = 100;

        static CpuClock start(JdbcClient jdbc) {
            List<Integer> backends = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                    .query(Integer.class).list();
            Map<Integer, Long> server = new LinkedHashMap<>();
            backends.forEach(pid -> server.put(pid, serverTicks(pid)));
            return new CpuClock(jvmNanos(), server);
        }

        /** Adds the JVM's and the server's milliseconds (-1 if unknown) to the lists, and says them. */
        String stop(List<Long> jvmTotals, List<Long> serverTotals) {
            long jvmMillis = (jvmNanos() - jvm) / 1_000_000;
            long serverTicks = server.entrySet().stream().mapToLong(backend -> serverTicks(backend.getKey()) - backend.getValue()).sum();
            boolean serverKnown = server.values().stream().allMatch(ticks -> ticks >= 0);
            long serverMillis = serverKnown ? serverTicks * 1000 / TICKS_PER_SECOND : -1;
            jvmTotals.add(jvmMillis);
            serverTotals.add(serverMillis);
            return "processor ms: JVM " + jvmMillis + ", server " + (serverKnown ? serverMillis : "unknown");
        }

        private static long jvmNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        private static long serverTicks(int pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
