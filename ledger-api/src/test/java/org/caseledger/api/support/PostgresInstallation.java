package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.springframework.util.FileSystemUtils;

/**
 * The machine's own PostgreSQL, as the operations tests drive it: the server programs of one major version, installed
 * by the system's packages under {@code /usr/lib/postgresql/<major>/bin}, run as the {@code postgres} OS user when the
 * tests run as root (the server refuses to run as root), in directories that user owns. The tests that need it skip
 * when it is absent, except in CI ({@code CI=true}), where {@code .ci/run} installs it and its absence is a failure.
 */
public final class PostgresInstallation {

    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";

    private final Path bin;
    private final boolean asServiceUser;

    private PostgresInstallation(Path bin) {
        this.bin = bin;
        this.asServiceUser = "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed major version with the server programs and pg_basebackup; fails in CI, skips elsewhere. */
    public static PostgresInstallation requireServer() {
        return require(newest(bin -> Files.isExecutable(bin.resolve("pg_basebackup")) && Files.isExecutable(bin.resolve("initdb"))),
                "the PostgreSQL server packages (postgresql)");
    }

    /**
     * The newest installed major version with pg_auto_failover (the {@code pg_autoctl} program of {@code pg-auto-failover-cli}
     * and the monitor's extension of {@code postgresql-<major>-auto-failover}); fails in CI, skips elsewhere.
     */
    public static PostgresInstallation requireAutoFailover() {
        return require(newest(bin -> Files.isExecutable(Path.of("/usr/bin/pg_autoctl")) && Files.isExecutable(bin.resolve("pg_ctl"))
                        && Files.exists(bin.getParent().resolve("lib").resolve("pgautofailover.so"))),
                "pg_auto_failover from the system's packages (pg-auto-failover-cli, postgresql-<major>-auto-failover)");
    }

    private static PostgresInstallation require(Optional<PostgresInstallation> found, String what) {
        if (found.isEmpty()) {
            String missing = "this test needs " + what + "; .ci/run installs it (apt-get)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(missing + ", and CI must not skip it");
            }
            // said on the test's output too: a class skipped in its set-up shows no test as skipped in the summary
            System.out.println("Skipped: " + missing);
            Assumptions.abort("skipped: " + missing);
        }
        return found.get();
    }

    private static Optional<PostgresInstallation> newest(java.util.function.Predicate<Path> complete) {
        if (!Files.isDirectory(VERSIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin"))
                    .filter(complete)
                    .map(PostgresInstallation::new);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A program of this major version. */
    public Path program(String name) {
        return bin.resolve(name);
    }

    /** A new empty directory under the system's temporary directory, owned by the user the server runs as. */
    public Path newDirectory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        if (asServiceUser) {
            Files.setOwner(directory, directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_USER));
        }
        return directory;
    }

    /** An empty file the server's user may write to, such as a server's log under {@code target}. */
    public Path writableFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        if (asServiceUser) {
            Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_USER));
        }
        return file;
    }

    /** The command line that runs the program as the server's user, with exactly this environment besides a plain PATH. */
    public List<String> command(Map<String, String> environment, String... programAndArguments) {
        List<String> command = new ArrayList<>();
        if (asServiceUser) {
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.addAll(List.of("env", "-i"));
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.put("PATH", bin + ":/usr/bin:/bin");
        variables.put("LC_ALL", "C.UTF-8");
        variables.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of(programAndArguments));
        return command;
    }

    /** Runs a program to its end and answers what it printed; fails with that output if it exits otherwise than with 0. */
    public String run(Duration timeout, Map<String, String> environment, String... programAndArguments) {
        try {
            Process process = new ProcessBuilder(command(environment, programAndArguments)).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", programAndArguments) + " did not end within " + timeout);
            }
            String printed = new String(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(String.join(" ", programAndArguments) + " printed:\n" + printed).isZero();
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + programAndArguments[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts a program that runs until stopped, its output appended to the log. */
    public Process start(Path log, Map<String, String> environment, String... programAndArguments) throws IOException {
        return new ProcessBuilder(command(environment, programAndArguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * The process and everything it started, frozen at once and then killed with SIGKILL, as when the host they run on
     * is lost: SIGSTOP first, so that no supervisor among them sees another die and restarts it.
     */
    public static void killTree(Process process) {
        List<Long> tree = new ArrayList<>(process.descendants().map(ProcessHandle::pid).toList());
        tree.add(0, process.pid());
        signal("STOP", tree);
        signal("KILL", tree);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a server program and its children as an operator would (SIGTERM, then SIGKILL after the grace time). */
    public static void stop(Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Sends a signal to the processes by their ids (the processes a test started, never found by name). */
    public static void signal(String signal, Collection<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        try {
            // a process that ended meanwhile makes kill exit with 1: nothing to do about it
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not send SIG" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes a directory made by {@link #newDirectory}, whoever owns its files. */
    public static void remove(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            System.err.println("could not remove " + directory + ": " + e.getMessage());
        }
    }
}
