package org.caseledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp.Response;
import org.caseledger.api.support.ReadModels;
import org.caseledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Erasure as an auditor with the database's files, its WAL and the master key would try it: a person's name, texts and
 * identity number are never on disk in the clear, and their wrapped data keys, wherever a copy is left, no longer
 * unwrap once erasures are completed. Everything is
 * checked from outside the ledger's code: the files are read as files, and unwrapping is tried with the JDK's AES-GCM
 * and the key formats of docs/privacy.md. Needs the database server's files on this machine (skipped otherwise).
 */
class ErasureResidueIT extends IntegrationTest {

    private static final String PERIOD = "from=2026-01-01&to=2027-01-01";
    /** Unique to the run: the WAL is the server's, and keeps what earlier runs wrote until its segments are recycled. */
    private static final String MARK = "XQ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    /** A data key as stored: its id, the wrapped bytes and the epoch of the key-encryption key that wrapped it. */
    private record Wrapped(UUID keyId, byte[] bytes, Integer epoch) {
    }

    @Autowired
    private ErasureCompletion completion;

    @Test
    void givenAnErasedPersonWhenErasuresAreCompletedThenNoCopyOfTheirWrappedKeysOnDiskUnwrapsWithAnyKeyLeft() throws Exception {
        // Given a child with a distinctive name, identity number and notes, whose keys are on disk (table and WAL)
        Path dataDirectory = dataDirectory();
        String identityNumber = Fixtures.identityNumber(java.time.LocalDate.of(2010, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3000)));
        String child = http.as("anna").post("/api/v1/persons", Map.of("identityNumber", identityNumber, "name", "Yrsa " + MARK + " Residue"))
                .field("personId");
        String caseId = http.as("anna").post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                "household", UUID.randomUUID().toString(), "receivedAt", "2026-03-02T08:15:00Z",
                "report", Map.of("reporterType", "SCHOOL", "summary", "Bruises seen on " + MARK + " arms."))).field("caseId");
        assertThat(http.as("anna").post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "Home visit " + MARK + ".")).status()).isEqualTo(201);
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        assertThat(http.as("anna").header("X-Purpose", "Follow-up of " + MARK + " at school").get("/api/v1/cases/" + caseId).status())
                .isEqualTo(200);
        String metrics = http.as("lars").get("/api/v1/metrics?" + PERIOD + "&period=quarter").text();
        String compliance = http.as("lars").get("/api/v1/compliance?" + PERIOD).text();
        List<Wrapped> keys = wrappedKeysOf(child);
        assertThat(keys).as("the person's key and the case file's key").hasSize(2);
        List<byte[]> identityDigests = digestsOf("identity_lookup", child);
        List<byte[]> nameDigests = digestsOf("name_lookup", child);
        assertThat(identityDigests).as("the digest of the identity number").hasSize(1);
        assertThat(nameDigests).as("a digest per word of the name").hasSize(3);
        assertThat(keys).allMatch(key -> key.epoch() != null);
        checkpoint();
        assertThat(filesHolding(dataDirectory, keys.get(0).bytes())).as("a wrapped key is on disk before the erasure").isNotEmpty();
        assertThat(filesHolding(dataDirectory, MARK.getBytes(StandardCharsets.UTF_8))).as("plaintext on disk, even before").isEmpty();

        // When the person is erased and the erasures are completed
        Response erased = http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST", "note", "Asked by " + MARK + " herself."));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        Response completed = http.as("eva").post("/api/v1/admin/erasure-completion", Map.of());
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        JsonNode completion = completed.json();
        checkpoint();

        // Then the key-encryption key that wrapped them is gone from the key directory
        assertThat(completion.path("epochsDestroyed").toString()).contains(Integer.toString(keys.get(0).epoch()));
        assertThat(completion.path("vacuumed").asBoolean()).isTrue();
        Path keyDirectory = Path.of("target", "keys");
        String kekId = jdbc.sql("SELECT kek_id::text FROM key_epoch WHERE epoch = ?").param(keys.get(0).epoch()).query(String.class).single();
        assertThat(keyDirectory.resolve("kek-" + keys.get(0).epoch() + "-" + kekId)).doesNotExist();
        // and no copy of the erased person's wrapped keys, wherever it is left, unwraps with the master key or any key left
        byte[] master = Base64.getDecoder().decode(Files.readString(Path.of("target", "test-master-key")).trim());
        List<byte[]> keksLeft = keksIn(keyDirectory, master);
        assertThat(keksLeft).as("the current epoch's key-encryption key").isNotEmpty();
        for (Wrapped key : keys) {
            assertThat(unwraps(key, master)).as("unwrapped by the master key").isFalse();
            for (byte[] kek : keksLeft) {
                assertThat(unwraps(key, kek)).as("unwrapped by a key-encryption key left in the key directory").isFalse();
            }
        }
        // and the table's own files no longer hold them (the WAL may, until its segments are recycled: they do not unwrap)
        for (Wrapped key : keys) {
            assertThat(filesHolding(relationFiles(dataDirectory, "data_key"), key.bytes())).as("data_key's files").isEmpty();
        }
        // and the lookup tables' files no longer hold the digests that would confirm a guessed number or name with the
        // master key
        for (byte[] digest : identityDigests) {
            assertThat(filesHolding(relationFiles(dataDirectory, "identity_lookup"), digest)).as("identity_lookup's files").isEmpty();
        }
        for (byte[] digest : nameDigests) {
            assertThat(filesHolding(relationFiles(dataDirectory, "name_lookup"), digest)).as("name_lookup's files").isEmpty();
        }
        // and neither their name nor their texts nor their identity number is in any file of the database or the WAL
        assertThat(filesHolding(dataDirectory, MARK.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(filesHolding(dataDirectory, identityNumber.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(http.as("ivo").get("/api/v1/audit/verify").field("status")).isIn("INTACT", "UNSEALED");
        assertThat(http.as("lars").get("/api/v1/metrics?" + PERIOD + "&period=quarter").text()).isEqualTo(metrics);
        assertThat(http.as("lars").get("/api/v1/compliance?" + PERIOD).text()).isEqualTo(compliance);
    }

    @Test
    void givenAReaderHoldingAnOlderSnapshotWhenErasuresAreCompletedThenTheCompletionWaitsItOutAndLeavesNoWrappedKeyInTheTable()
            throws Exception {
        // Given an erased person, and another connection whose transaction still sees the table as it was before
        Path dataDirectory = dataDirectory();
        List<Wrapped> keys = keysOfAnErasedChild();
        Connection reader = seeingTheKeysAsTheyAre();

        // When the erasures are completed while that transaction goes on for another second
        java.util.concurrent.CompletableFuture<Response> completing = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> http.as("eva").post("/api/v1/admin/erasure-completion", Map.of()));
        Thread.sleep(1_000);
        reader.rollback();
        reader.close();
        Response completed = completing.get();

        // Then the completion vacuumed once the snapshot was gone, and the table's files hold none of the person's keys
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().path("vacuumed").asBoolean()).isTrue();
        checkpoint();
        for (Wrapped key : keys) {
            assertThat(filesHolding(relationFiles(dataDirectory, "data_key"), key.bytes())).as("data_key's files").isEmpty();
        }
    }

    @Test
    void givenAReaderOutlastingEveryRewriteWhenErasuresAreCompletedThenTheRewriteStaysOwedInTheDatabaseUntilAPollDoesIt()
            throws Exception {
        // Given an erased person, and another connection whose transaction sees the table as it was, for longer than the
        // completion tries to rewrite it
        Path dataDirectory = dataDirectory();
        List<Wrapped> keys = keysOfAnErasedChild();
        Response completed;
        try (Connection reader = seeingTheKeysAsTheyAre()) {

            // When the erasures are completed while that transaction goes on
            completed = http.as("eva").post("/api/v1/admin/erasure-completion", Map.of());
            reader.rollback();
        }

        // Then the completion says the tables were not rewritten clean, and the database, not the node's memory, says
        // the rewrite is owed
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().path("vacuumed").asBoolean()).isFalse();
        int epoch = completed.json().path("epoch").asInt();
        assertThat(completion.rewriteOwed()).contains(epoch);
        // and once the reader is gone, the next poll rewrites them, records it, and the files hold none of the keys
        completion.completeWhenDue();
        assertThat(completion.rewriteOwed()).isEmpty();
        assertThat(jdbc.sql("SELECT key_tables_rewritten_at IS NOT NULL FROM key_epoch WHERE epoch = ?").param(epoch)
                .query(Boolean.class).single()).isTrue();
        checkpoint();
        for (Wrapped key : keys) {
            assertThat(filesHolding(relationFiles(dataDirectory, "data_key"), key.bytes())).as("data_key's files").isEmpty();
        }
    }

    /** A child with a case, erased: the wrapped keys they had. */
    private List<Wrapped> keysOfAnErasedChild() {
        String child = Fixtures.registerChild(http);
        Fixtures.openCaseOnSchoolReport(http, child);
        List<Wrapped> keys = wrappedKeysOf(child);
        assertThat(http.as("lars").post("/api/v1/persons/" + child + "/erasure", Map.of("reason", "DATA_SUBJECT_REQUEST")).status())
                .isEqualTo(200);
        return keys;
    }

    /** Another connection, in a transaction that goes on seeing {@code data_key} as it is now until it ends. */
    private static Connection seeingTheKeysAsTheyAre() throws SQLException {
        Connection reader = TestDatabase.ownerConnection();
        reader.setAutoCommit(false);
        reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement statement = reader.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM data_key").close();
        }
        return reader;
    }

    private List<byte[]> digestsOf(String lookupTable, String person) {
        return jdbc.sql("SELECT digest FROM " + lookupTable + " WHERE person_id = ?::uuid").param(person).query((rs, row) -> rs.getBytes(1)).list();
    }

    private List<Wrapped> wrappedKeysOf(String owner) {
        return jdbc.sql("SELECT key_id, wrapped_key, kek_epoch FROM data_key WHERE owner_id = ?::uuid").param(owner)
                .query((rs, row) -> new Wrapped(rs.getObject(1, UUID.class), rs.getBytes(2), (Integer) rs.getObject(3))).list();
    }

    /** The wrapped key unwraps under this key-encryption (or master) key: AES-256-GCM, nonce first, the key id bound. */
    private static boolean unwraps(Wrapped key, byte[] kek) {
        return decrypts(kek, key.bytes(), "case-ledger data key " + key.keyId());
    }

    /** Every key-encryption key file of the directory that opens under the master key. */
    private static List<byte[]> keksIn(Path directory, byte[] master) throws Exception {
        List<byte[]> keks = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String[] name = file.getFileName().toString().split("-", 3);
                byte[] sealed = Base64.getDecoder().decode(Files.readString(file).trim());
                String context = "case-ledger key-encryption key " + name[1] + " " + name[2];
                if (decrypts(master, sealed, context)) {
                    keks.add(decrypt(master, sealed, context));
                }
            }
        }
        return keks;
    }

    private static boolean decrypts(byte[] key, byte[] sealed, String context) {
        try {
            decrypt(key, sealed, context);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] decrypt(byte[] key, byte[] sealed, String context) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    /** The server's data directory, when this machine can read it (a local server, the tests run by its owner or root). */
    private static Path dataDirectory() throws Exception {
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement();
             ResultSet rs = statement.executeQuery("SHOW data_directory")) {
            rs.next();
            Path directory = Path.of(rs.getString(1));
            assumeTrue(Files.isReadable(directory.resolve("pg_wal")), "the database server's files are not on this machine");
            return directory;
        }
    }

    /** Writes everything in shared buffers and the WAL out to the files, as a crash or a copy of the disk would find them. */
    private static void checkpoint() throws Exception {
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /** The relation's files: the table, its TOAST table and their indexes. */
    private static List<Path> relationFiles(Path dataDirectory, String table) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid = '" + table
                     + "'::regclass OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = '" + table + "'::regclass) "
                     + "OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = '" + table + "'::regclass)")) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    Path base = dataDirectory.resolve(rs.getString(1));
                    try (Stream<Path> segments = Files.list(base.getParent())) {
                        segments.filter(file -> file.getFileName().toString().startsWith(base.getFileName().toString()))
                                .forEach(files::add);
                    }
                }
            }
        }
        return files;
    }

    /** The files of this test's database and every WAL segment holding the bytes. */
    private static List<Path> filesHolding(Path dataDirectory, byte[] needle) throws Exception {
        String database;
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement();
             ResultSet rs = statement.executeQuery("SELECT oid FROM pg_database WHERE datname = current_database()")) {
            rs.next();
            database = rs.getString(1);
        }
        List<Path> files = new ArrayList<>();
        for (Path part : List.of(dataDirectory.resolve("base").resolve(database), dataDirectory.resolve("pg_wal"))) {
            try (Stream<Path> walk = Files.walk(part)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return filesHolding(files, needle);
    }

    private static List<Path> filesHolding(List<Path> files, byte[] needle) throws IOException {
        List<Path> holding = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file) && indexOf(Files.readAllBytes(file), needle) >= 0) {
                holding.add(file);
            }
        }
        return holding;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
