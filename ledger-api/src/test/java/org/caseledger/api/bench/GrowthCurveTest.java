package org.caseledger.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.caseledger.api.bench.GrowthCurve.Checkpoint;
import org.caseledger.api.bench.GrowthCurve.Latency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowthCurveTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void givenCheckpointsWhenTabledThenEachIsARowOfItsFiguresInTheirUnits() {
        GrowthCurve curve = curve();

        assertThat(curve.markdownTable().lines()).containsExactly(
                "| events stored | open a case p50 | open a case p99 | journal note p50 | journal note p99 | "
                        + "processor time per command (JVM + PostgreSQL) | heap used after GC | database size |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| 1,201 | 2.50 ms | 9.00 ms | 1.25 ms | 4.00 ms | 812 µs + 400 µs | 120 MiB | 15 MiB |",
                "| 1,003,604 | 2.75 ms | 11.50 ms | 1.50 ms | 6.00 ms | 820 µs + 410 µs | 131 MiB | 1,400 MiB |");
    }

    @Test
    void givenASmallerLedgerAfterALargerWhenAddedThenItIsRefused() {
        GrowthCurve curve = curve();

        assertThatThrownBy(() -> curve.add(checkpoint(10, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenCountsOfEventsWhenNamedForTheAxisThenTheyAreShortAndRound() {
        assertThat(GrowthCurve.events(0)).isEqualTo("0");
        assertThat(GrowthCurve.events(250_000)).isEqualTo("250k");
        assertThat(GrowthCurve.events(2_500_000)).isEqualTo("2.5M");
        assertThat(GrowthCurve.events(10_000_000)).isEqualTo("10M");
    }

    @Test
    void givenACurveWhenChartedThenTheFileIsAPngOfTheChartsSizeWithTheCurvesDrawn() throws Exception {
        Path file = directory.resolve("growth.png");

        GrowthChart.write(curve(), file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(GrowthChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(GrowthChart.HEIGHT);
        // the heap's green and the journal notes' red are drawn somewhere
        assertThat(countPixels(image, 0x2ca02c)).isGreaterThan(100);
        assertThat(countPixels(image, 0xd62728)).isGreaterThan(100);
    }

    @Test
    void givenNoCheckpointWhenChartedThenNothingIsWritten() {
        Path file = directory.resolve("empty.png");

        assertThatThrownBy(() -> GrowthChart.write(new GrowthCurve(), file)).isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void givenTheLargestFigureWhenTicksAreChosenThenTheyStepByOneTwoOrFiveFromZeroPastIt() {
        assertThat(GrowthChart.ticks(11.5)).containsExactly(0.0, 5.0, 10.0, 15.0);
        assertThat(GrowthChart.ticks(1_003_604)).containsExactly(0.0, 500_000.0, 1_000_000.0, 1_500_000.0);
        assertThat(GrowthChart.ticks(0)).hasSize(6).first().isEqualTo(0.0);
        assertThat(GrowthChart.ticks(0).get(5)).isEqualTo(1.0);
    }

    private static GrowthCurve curve() {
        GrowthCurve curve = new GrowthCurve();
        curve.add(new Checkpoint(1_201, new Latency(2.5, 9), new Latency(1.25, 4), 812, 400, 120 * MIB, 15 * MIB));
        curve.add(new Checkpoint(1_003_604, new Latency(2.75, 11.5), new Latency(1.5, 6), 820, 410, 131 * MIB, 1_400 * MIB));
        return curve;
    }

    private static Checkpoint checkpoint(long events, double millis) {
        return new Checkpoint(events, new Latency(millis, millis), new Latency(millis, millis), 1, 1, MIB, MIB);
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
