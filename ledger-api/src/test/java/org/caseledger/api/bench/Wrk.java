package org.caseledger.api.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: {@code wrk} in a process of its own on loopback, so that the client's work is not counted in
 * the ledger's JVM. A request is built by a small Lua script: a method, a path and a JSON body with {@code {id}}
 * replaced by one of the given ids at random, a bearer token and a fresh {@code Idempotency-Key}. Paced runs give each
 * connection a delay between its requests; wrk then sends {@code connections ÷ (delay + latency)} requests a second.
 * The latency is not known beforehand, so a paced run is first calibrated: a run at the delay that would give the rate
 * with no latency shows how much of each connection's cycle the latency takes, and the measured run's delay leaves
 * that out. The rate actually reached is reported with the latencies.
 */
final class Wrk {

    /** What one wrk run measured. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
    }

    /**
     * One kind of request. {@code path} and {@code body} may use {@code {id}} for one of the given ids, the same in
     * both, taken at random for each request; {@code body} may use {@code {uuid}} for a fresh random id per request.
     */
    record Request(String method, String path, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final Path idsFile;
    private final Path workDirectory;

    Wrk(String baseUrl, String token, List<String> ids, Path workDirectory) throws IOException {
        this.baseUrl = baseUrl;
        this.token = token;
        this.workDirectory = Files.createDirectories(workDirectory);
        this.idsFile = workDirectory.resolve("ids.txt");
        Files.write(idsFile, ids);
    }

    static String version() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            process.waitFor(5, TimeUnit.SECONDS);
            return output.trim();
        } catch (IOException e) {
            throw new IllegalStateException("the REST benchmarks need wrk on the PATH (Debian: apt-get install wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As many requests as the connections can send, each waiting for its answer before the next. */
    Result closedLoop(Request request, int connections, Duration duration) throws Exception {
        return run(request, connections, duration, 0);
    }

    /**
     * About {@code rate} requests a second, spread over the connections, after a calibrating run of
     * {@code calibration}. When the latency alone is longer than a connection's share of the rate, the connections
     * send without a delay and the rate reached is lower.
     */
    Result paced(Request request, int rate, int connections, Duration calibration, Duration duration) throws Exception {
        double cycleMillis = connections * 1000.0 / rate;
        int naive = (int) Math.round(cycleMillis);
        Result calibrating = run(request, connections, calibration, naive);
        double latencyMillis = connections * 1000.0 / calibrating.requestsPerSecond() - naive;
        return run(request, connections, duration, (int) Math.max(0, Math.round(cycleMillis - latencyMillis)));
    }

    private Result run(Request request, int connections, Duration duration, int delayMillis) throws Exception {
        Path script = workDirectory.resolve("request.lua");
        Files.writeString(script, lua(request, delayMillis));
        Process process = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), baseUrl)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        String line = output.lines().filter(l -> l.startsWith("WRK_RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + output));
        JsonNode result = JSON.readTree(line.substring("WRK_RESULT ".length()));
        long requests = result.get("requests").asLong();
        long errors = result.get("errors").asLong() + result.get("non2xx").asLong();
        if (errors > 0) {
            throw new IllegalStateException(errors + " of " + requests + " requests failed or were refused: " + output);
        }
        return new Result(requests / (result.get("durationMicros").asLong() / 1e6), result.get("p50").asLong() / 1000.0,
                result.get("p99").asLong() / 1000.0, requests, errors);
    }

    private String lua(Request request, int delayMillis) {
        return String.format(Locale.ROOT, """
                local ids = {}
                for line in io.lines("%s") do ids[#ids + 1] = line end
                math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1000000))
                local function hex(digits)
                  local s = ""
                  for i = 1, digits do s = s .. string.format("%%x", math.random(0, 15)) end
                  return s
                end
                local function uuid()
                  return hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-" .. hex(12)
                end
                local method, path, body = "%s", "%s", %s
                request = function()
                  local id = ids[math.random(#ids)]
                  local headers = {}
                  headers["Authorization"] = "Bearer %s"
                  headers["Accept"] = "application/json"
                  local payload = nil
                  if body ~= nil then
                    headers["Content-Type"] = "application/json"
                    headers["Idempotency-Key"] = uuid()
                    payload = body:gsub("{uuid}", uuid):gsub("{id}", id)
                  end
                  return wrk.format(method, path:gsub("{id}", id), headers, payload)
                end
                %s
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format('WRK_RESULT {"requests":%%d,"durationMicros":%%d,"p50":%%d,"p99":%%d,"errors":%%d,"non2xx":%%d}\\n',
                    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                    e.connect + e.read + e.write + e.timeout, e.status))
                end
                """, idsFile, request.method(), request.path(),
                request.body() == null ? "nil" : "[[" + request.body() + "]]", token,
                delayMillis > 0 ? "delay = function() return " + delayMillis + " end" : "");
    }
}
