package org.caseledger.verify.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caseledger.verify.tlog.Merkle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness's state file: written whole and atomically, never mistaken for empty, held by one witness. */
class WitnessStateTest {

    @TempDir
    Path directory;

    @Test
    void aRecordedTreeIsInTheFileWhenRecordReturns() throws IOException {
        Path file = directory.resolve("state");
        try (WitnessState state = WitnessState.open(file)) {
            state.record("ledger.example.se/case-ledger", new CosignedTree(12, Merkle.EMPTY_ROOT));
        }

        assertThat(Files.readString(file)).isEqualTo("witness-state/v1\nledger.example.se/case-ledger 12 " + Merkle.EMPTY_ROOT.base64() + "\n");
        try (WitnessState reopened = WitnessState.open(file)) {
            assertThat(reopened.latest("ledger.example.se/case-ledger")).contains(new CosignedTree(12, Merkle.EMPTY_ROOT));
            assertThat(reopened.latest("other")).isEmpty();
        }
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        try (WitnessState state = WitnessState.open(directory.resolve("state"))) {
            for (int i = 1; i <= 20; i++) {
                state.record("log-" + (i % 3), new CosignedTree(i, Merkle.EMPTY_ROOT));
            }
        }

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("state", "state.lock");
        }
    }

    @Test
    void aStateFileThatCannotBeReadIsNeverTakenForAnEmptyOne() throws IOException {
        Path file = directory.resolve("state");
        List<String> broken = List.of(
                "",
                "witness-state/v2\n",
                "witness-state/v1",
                "witness-state/v1\nlog 12\n",
                "witness-state/v1\nlog 012 " + Merkle.EMPTY_ROOT.base64() + "\n",
                "witness-state/v1\nlog -1 " + Merkle.EMPTY_ROOT.base64() + "\n",
                "witness-state/v1\nlog 1 YmFuYW5hcw==\n",
                "witness-state/v1\nlog 1 " + Merkle.EMPTY_ROOT.base64() + "\nlog 2 " + Merkle.EMPTY_ROOT.base64() + "\n",
                "witness-state/v1\nlog  1 " + Merkle.EMPTY_ROOT.base64() + "\n",
                "witness-state/v1\r\nlog 1 " + Merkle.EMPTY_ROOT.base64() + "\n");
        for (String text : broken) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> WitnessState.open(file).close()).as(text).isInstanceOf(IOException.class);
        }
        Files.write(file, new byte[] {'w', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> WitnessState.open(file).close()).isInstanceOf(IOException.class);
    }

    @Test
    void aSecondWitnessCannotOpenAStateFileInUse() throws IOException {
        Path file = directory.resolve("state");
        try (WitnessState first = WitnessState.open(file)) {
            assertThatThrownBy(() -> WitnessState.open(file)).isInstanceOf(IOException.class).hasMessageContaining("another witness");
        }
        WitnessState.open(file).close();
    }
}
