package org.caseledger.api.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/ledger-api*.jar}) run as an operator runs it: a process of its own, with a
 * working directory, environment variables and arguments, and none of the test JVM's own ledger or Spring settings.
 */
public final class LedgerJar {

    /** What a command printed, and how it exited. */
    public record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private LedgerJar() {
    }

    /** Runs a command ({@code migrate}, {@code init-keys} …) to its end, with the given standard input. */
    public static Result command(Path workingDirectory, Map<String, String> environment, String stdin, String... arguments)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("ledger-command", ".out");
        Path err = Files.createTempFile("ledger-command", ".err");
        try {
            ProcessBuilder builder = process(workingDirectory, environment, List.of(arguments));
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("java -jar ledger-api.jar " + String.join(" ", arguments) + " did not end");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * {@code java -jar ledger-api.jar <arguments>} in the directory, with the variables added to a clean environment. The
     * JIT's first tier alone: a process of the tests runs for seconds to minutes, most of it starting, and a start costs
     * half the processor time without the optimising compiler (a node's start, measured: 30 to 37 processor-seconds
     * with it, 16 to 18 without). The process runs the same code; only how fast it would run for hours differs, which no
     * test measures.
     */
    static ProcessBuilder process(Path workingDirectory, Map<String, String> environment, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-jar", path().toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LEDGER_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return builder;
    }

    public static Path path() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.filter(jar -> jar.getFileName().toString().matches("ledger-api.*\\.jar"))
                    .filter(jar -> !jar.getFileName().toString().contains("plain"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the application before the integration tests"))
                    .toAbsolutePath();
        }
    }
}
