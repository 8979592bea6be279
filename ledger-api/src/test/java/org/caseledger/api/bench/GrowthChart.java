package org.caseledger.api.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws the growth curve ({@link GrowthCurve}) as a PNG with plain Java 2D, no chart library: above, the commands'
 * latencies against the events stored; below, the heap used after a full collection. Both axes start at zero, so a
 * flat curve looks flat and a rising one rises.
 */
final class GrowthChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 640;

    /** One line of a panel: its label, its colour, its dash, and the figure it plots from each checkpoint. */
    record Series(String label, Color colour, boolean dashed, ToDoubleFunction<GrowthCurve.Checkpoint> value) {
    }

    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int GAP = 70;
    private static final int BOTTOM = 50;
    private static final Color OPEN = new Color(0x1f77b4);
    private static final Color NOTE = new Color(0xd62728);
    private static final Color HEAP = new Color(0x2ca02c);

    private GrowthChart() {
    }

    static void write(GrowthCurve curve, Path file) throws IOException {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("no checkpoint to draw");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString("Append latency and heap as the ledger grows", LEFT, 28);
            int panel = (HEIGHT - TOP - GAP - BOTTOM) / 2;
            panel(g, curve, TOP, panel, "latency (ms)", List.of(
                    new Series("open a case p50", OPEN, false, c -> c.openCase().p50()),
                    new Series("open a case p99", OPEN, true, c -> c.openCase().p99()),
                    new Series("journal note p50", NOTE, false, c -> c.journalNote().p50()),
                    new Series("journal note p99", NOTE, true, c -> c.journalNote().p99())));
            panel(g, curve, TOP + panel + GAP, panel, "heap (MiB)", List.of(
                    new Series("heap used after GC", HEAP, false, c -> c.heapAfterGcBytes() / (1024.0 * 1024))));
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    private static void panel(Graphics2D g, GrowthCurve curve, int top, int height, String title, List<Series> series) {
        int width = WIDTH - LEFT - RIGHT;
        int bottom = top + height;
        List<GrowthCurve.Checkpoint> checkpoints = curve.checkpoints();
        double maxEvents = Math.max(1, curve.last().events());
        double maxValue = 0;
        for (Series line : series) {
            for (GrowthCurve.Checkpoint checkpoint : checkpoints) {
                maxValue = Math.max(maxValue, line.value().applyAsDouble(checkpoint));
            }
        }
        List<Double> yTicks = ticks(maxValue);
        double yTop = yTicks.get(yTicks.size() - 1);
        List<Double> xTicks = ticks(maxEvents);
        double xRight = xTicks.get(xTicks.size() - 1);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double tick : yTicks) {
            int y = bottom - (int) Math.round(tick / yTop * height);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, y, LEFT + width, y);
            g.setColor(Color.DARK_GRAY);
            String label = tick == Math.rint(tick) ? String.format(Locale.ROOT, "%,.0f", tick) : String.format(Locale.ROOT, "%.1f", tick);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        for (double tick : xTicks) {
            int x = LEFT + (int) Math.round(tick / xRight * width);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            String label = GrowthCurve.events(Math.round(tick));
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, top, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, LEFT, top - 8);
        String axis = "events stored";
        g.drawString(axis, LEFT + width - g.getFontMetrics().stringWidth(axis), bottom + 32);

        // the legend stands on the title's line, above the panel, where no line of the plot can cross it
        int legendX = LEFT + g.getFontMetrics().stringWidth(title) + 30;
        for (Series line : series) {
            g.setColor(line.colour());
            g.setStroke(stroke(line.dashed()));
            int[] xs = new int[checkpoints.size()];
            int[] ys = new int[checkpoints.size()];
            for (int i = 0; i < checkpoints.size(); i++) {
                xs[i] = LEFT + (int) Math.round(checkpoints.get(i).events() / xRight * width);
                ys[i] = bottom - (int) Math.round(line.value().applyAsDouble(checkpoints.get(i)) / yTop * height);
                g.fillOval(xs[i] - 3, ys[i] - 3, 7, 7);
            }
            g.drawPolyline(xs, ys, xs.length);
            g.drawLine(legendX, top - 12, legendX + 28, top - 12);
            g.setStroke(new BasicStroke(1));
            g.setColor(Color.BLACK);
            g.drawString(line.label(), legendX + 34, top - 8);
            legendX += 34 + g.getFontMetrics().stringWidth(line.label()) + 20;
        }
    }

    private static BasicStroke stroke(boolean dashed) {
        return dashed
                ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0)
                : new BasicStroke(2);
    }

    /** Round ticks from 0 to at least {@code max}: steps of 1, 2 or 5 times a power of ten, about five of them. */
    static List<Double> ticks(double max) {
        double top = max > 0 ? max : 1;
        double raw = top / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw <= power ? power : raw <= 2 * power ? 2 * power : raw <= 5 * power ? 5 * power : 10 * power;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; ticks.isEmpty() || ticks.get(ticks.size() - 1) < top - step * 1e-9; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }
}
