package org.caseledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.LedgerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ledger node as an operator runs it, a process of its own, its log read from its output: every line is JSON, a line
 * logged while a request is served carries that request's correlation id, and no line holds the name or the identity
 * number a request carried; then a normal stop (SIGTERM) logs nothing at ERROR. The node runs on the embedded PostgreSQL,
 * the default whose stop ended in errors, with the JSON a database server gets by default; it is a newcomer's first run
 * too, the packaged ledger started with nothing else configured in an empty directory, as the README's first command
 * starts it: the embedded default is its own operator and makes its key files, serves the demo users and the browsable
 * API, and leaves no database process behind when it stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeOperationsIT {

    private static final String NAME = "node-operations";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path directory;
    private LedgerNode node;
    private LedgerHttp http;

    @BeforeAll
    void start() throws IOException {
        directory = Files.createTempDirectory("ledger-first-run");
        int port = LedgerNode.freePort();
        node = LedgerNode.start(NAME, port, directory, Map.of(), List.of("--server.port=" + port, "--logging.structured.format.console=ecs"));
        http = node.http();
    }

    @AfterAll
    void kill() throws InterruptedException, IOException {
        if (node != null && node.isAlive()) {
            node.kill();
        }
        FileSystemUtils.deleteRecursively(directory);
    }

    @Test
    @Order(0)
    void givenNothingConfiguredTheEmbeddedDefaultMakesItsKeysAndServesTheDemoUsersAndTheBrowsableApi() throws IOException {
        assertThat(http.as("anna").get("/api/v1/cases").status()).isEqualTo(200);
        assertThat(http.as("anna").get("/swagger-ui/index.html").status()).as("the browsable API of the embedded default").isEqualTo(200);

        assertThat(LedgerNode.log(NAME)).contains("the embedded default generated a new Ed25519 key pair", "the embedded default generated a new one");
        for (String key : new String[] {"signing-key.pem", "master-key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("data").resolve(key))))
                    .as(key).isEqualTo("rw-------");
        }
    }

    @Test
    @Order(1)
    void givenRequestsCarryingANameAndAnIdentityNumberWhenTheyAreLoggedThenEachLineHasItsCorrelationIdAndNoPersonalData()
            throws IOException {
        String name = "Loggvig Loggsdotter";
        String number = Fixtures.identityNumber();
        LedgerHttp.Response registered = http.as("anna").header("X-Correlation-Id", "register-" + UUID.randomUUID())
                .post("/api/v1/persons", Map.of("identityNumber", number, "name", name));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(http.as("anna").post("/api/v1/persons", Map.of("identityNumber", number, "name", name)).status())
                .as("the same number again").isEqualTo(409);
        assertThat(http.as("anna").post("/api/v1/persons/search", Map.of("identityNumber", number)).status()).isEqualTo(200);
        assertThat(http.as("anna").post("/api/v1/persons", Map.of("identityNumber", number.replace('-', '+') + "0", "name", name))
                .status()).as("a malformed number").isEqualTo(400);
        assertThat(http.as("anna").header("X-Correlation-Id", "no-id-given").get("/api/v1/persons/" + registered.field("personId"))
                .header("X-Correlation-Id")).as("the correlation id is answered").isEqualTo("no-id-given");

        // a request that logs a line: the fifth wrong password for a name locks it, and the sign-in throttle logs the lock
        String correlationId = "lock-" + UUID.randomUUID();
        LedgerHttp guesser = new LedgerHttp("http://localhost:" + node.port()).as("guessed-name").header("X-Correlation-Id", correlationId);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(guesser.get("/api/v1/cases").status()).isEqualTo(401);
        }
        assertThat(guesser.get("/api/v1/cases").status()).as("locked").isEqualTo(429);

        List<JsonNode> lines = lines();
        assertThat(lines).filteredOn(line -> line.path("message").asString().startsWith("sign-in locked for account 'guessed-name'"))
                .singleElement().satisfies(line -> {
                    assertThat(line.path("correlationId").asString()).isEqualTo(correlationId);
                    assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
                });
        String log = LedgerNode.log(NAME);
        assertThat(log).doesNotContain(name).doesNotContain("Loggvig").doesNotContain("Loggsdotter")
                .doesNotContain(number).doesNotContain(number.replace("-", "")).doesNotContain(number.substring(2));
    }

    @Test
    @Order(2)
    void givenARunningNodeWhenItIsStoppedNormallyThenNothingIsLoggedAtError() throws Exception {
        long before = Files.size(Path.of("target", NAME + ".log"));

        long began = System.nanoTime();
        int status = node.stop();
        long millis = (System.nanoTime() - began) / 1_000_000;

        List<JsonNode> lines = lines();
        System.out.printf("Normal stop: exit status %d after %d ms; %d lines logged at ERROR%n", status, millis,
                lines.stream().filter(line -> "ERROR".equals(line.path("log").path("level").asString())).count());
        assertThat(status).as("the exit status of a stop by SIGTERM").isIn(0, 143);
        assertThat(lines).filteredOn(line -> "ERROR".equals(line.path("log").path("level").asString()))
                .as("lines logged at ERROR").isEmpty();
        String stopping = Files.readString(Path.of("target", NAME + ".log")).substring((int) before);
        assertThat(stopping).as("what the stop logged").doesNotContain("Exception").doesNotContain("\"WARN\"");
        assertThat(directory.resolve("data/postgres/postmaster.pid")).as("the embedded PostgreSQL stopped with the ledger").doesNotExist();
    }

    /** Every line of the node's log, each of which must be JSON. */
    private static List<JsonNode> lines() throws IOException {
        return LedgerNode.log(NAME).lines().filter(line -> !line.isBlank()).map(line -> {
            assertThat(line).as("a log line").startsWith("{");
            return JSON.readTree(line);
        }).toList();
    }
}
