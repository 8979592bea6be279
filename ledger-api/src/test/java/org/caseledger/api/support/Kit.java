package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The auditor's kit with replay as an auditor runs it: its own jar in its own process, given nothing but files and no
 * database or network to reach (its environment holds no address of the ledger).
 */
public final class Kit {

    public static final Path JAR = Path.of("..", "ledger-kit", "target", "ledger-kit.jar").toAbsolutePath();

    /** What the kit printed and the code it exited with. */
    public record Run(int exitCode, String output) {
    }

    private Kit() {
    }

    public static Run run(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the kit's jar, built by the ledger-kit module before these tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output.strip());
    }
}
