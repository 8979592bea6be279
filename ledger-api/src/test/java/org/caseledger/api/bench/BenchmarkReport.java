package org.caseledger.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of the harness measured: the machine, the parameters, and every figure with its reference from the
 * same run. Written as {@code benchmarks.md} for people and {@code benchmarks.json} for tools.
 * <p>
 * Each figure has an <em>efficiency</em>: the share of the physical reference the ledger reaches. For a rate it is
 * ledger ÷ reference, for a latency reference ÷ ledger; so 1.0 means as fast as the reference and 0.5 half as fast,
 * whichever way the unit points.
 */
final class BenchmarkReport {

    /** Whether a larger figure is better (a rate) or a smaller one (a latency). */
    enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /** The figures of several runs of one measurement, in the order they were taken. */
    record Runs(List<Double> values) {

        Runs {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a measurement needs at least one run");
            }
            values = List.copyOf(values);
        }

        double median() {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(Double::compare);
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }
    }

    /**
     * A target from the issue, checked against the median (in the figure's direction) or against the efficiency; a
     * limit ({@link #atMost}) is met by the bound itself.
     */
    record Target(String text, double bound, boolean onEfficiency, boolean limit) {

        static Target figure(double bound, String text) {
            return new Target(text, bound, false, false);
        }

        static Target efficiency(double bound, String text) {
            return new Target(text, bound, true, false);
        }

        static Target atMost(double bound, String text) {
            return new Target(text, bound, false, true);
        }
    }

    record Figure(String section, String name, String unit, Direction direction, Runs ledger, String referenceName, Runs reference,
                  List<Target> targets, String note) {

        Double efficiency() {
            if (reference == null || ledger.median() == 0 || reference.median() == 0) {
                return null;
            }
            return direction == Direction.HIGHER_IS_BETTER
                    ? ledger.median() / reference.median()
                    : reference.median() / ledger.median();
        }

        boolean met(Target target) {
            Double value = target.onEfficiency() ? efficiency() : Double.valueOf(ledger.median());
            if (value == null) {
                return false;
            }
            if (target.limit()) {
                return value <= target.bound();
            }
            boolean higher = target.onEfficiency() || direction == Direction.HIGHER_IS_BETTER;
            return higher ? value >= target.bound() : value < target.bound();
        }
    }

    private final Map<String, Object> machine;
    private final Map<String, Object> parameters;
    private final List<Figure> figures = new ArrayList<>();
    private GrowthCurve growth;
    private String growthSection;
    private final Instant started = Instant.now();

    BenchmarkReport(Map<String, Object> machine, Map<String, Object> parameters) {
        this.machine = machine;
        this.parameters = parameters;
    }

    /** Kept in the order of the sections' numbers, whatever order they ran in; within a section, as measured. */
    void add(Figure figure) {
        int at = figures.size();
        while (at > 0 && number(figures.get(at - 1)) > number(figure)) {
            at--;
        }
        figures.add(at, figure);
        System.out.printf(Locale.ROOT, "[bench] %s / %s: %s %s (runs %s)%s%n", figure.section(), figure.name(),
                format(figure.ledger().median()), figure.unit(), figure.ledger().values(),
                figure.reference() == null ? "" : String.format(Locale.ROOT, "; %s %s; efficiency %.2f",
                        figure.referenceName(), format(figure.reference().median()), figure.efficiency()));
    }

    /** The growth curve of a section, written as a table and drawn as {@value #GROWTH_CHART} beside the report. */
    void growth(String section, GrowthCurve curve) {
        this.growthSection = section;
        this.growth = curve;
    }

    static final String GROWTH_CHART = "benchmarks-growth.png";

    /** The number a section's name starts with ("3. Rebuild"). */
    private static int number(Figure figure) {
        return Integer.parseInt(figure.section().substring(0, figure.section().indexOf('.')));
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("benchmarks.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json()));
        Files.writeString(directory.resolve("benchmarks.md"), markdown());
        if (growth != null && !growth.isEmpty()) {
            GrowthChart.write(growth, directory.resolve(GROWTH_CHART));
        }
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        json.put("machine", machine);
        json.put("parameters", parameters);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure figure : figures) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("section", figure.section());
            entry.put("name", figure.name());
            entry.put("unit", figure.unit());
            entry.put("median", round(figure.ledger().median()));
            entry.put("runs", figure.ledger().values().stream().map(BenchmarkReport::round).toList());
            if (figure.reference() != null) {
                entry.put("reference", Map.of("name", figure.referenceName(), "median", round(figure.reference().median()),
                        "runs", figure.reference().values().stream().map(BenchmarkReport::round).toList()));
                entry.put("efficiency", round(figure.efficiency()));
            }
            entry.put("targets", figure.targets().stream().map(target -> Map.of("target", target.text(), "met", figure.met(target)))
                    .toList());
            if (figure.note() != null) {
                entry.put("note", figure.note());
            }
            list.add(entry);
        }
        json.put("figures", list);
        if (growth != null) {
            json.put("growth", Map.of("section", growthSection, "checkpoints", growth.json(), "chart", GROWTH_CHART));
        }
        return json;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark harness (docs/operations.md, \"Benchmarks\"); do not edit by hand. Run started ")
                .append(started).append(", finished ").append(Instant.now()).append(".\n\n");
        md.append("Every figure is the median of several runs; the runs are listed. *Efficiency* is the share of the physical ")
                .append("reference, measured in the same run, that the ledger reaches: ledger ÷ reference for a rate, ")
                .append("reference ÷ ledger for a latency. 1.00 is as fast as the reference.\n\n");
        md.append("## Machine\n\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n## Parameters\n\n");
        parameters.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        String section = null;
        for (Figure figure : figures) {
            if (!figure.section().equals(section)) {
                section = figure.section();
                md.append("\n## ").append(section).append("\n\n");
                md.append("| figure | median | runs | reference | reference median | efficiency | target |\n");
                md.append("|---|---|---|---|---|---|---|\n");
            }
            md.append("| ").append(figure.name())
                    .append(" | ").append(format(figure.ledger().median())).append(' ').append(figure.unit())
                    .append(" | ").append(figure.ledger().values().stream().map(BenchmarkReport::format).toList())
                    .append(" | ").append(figure.reference() == null ? "" : figure.referenceName())
                    .append(" | ").append(figure.reference() == null ? "" : format(figure.reference().median()) + ' ' + figure.unit())
                    .append(" | ").append(figure.efficiency() == null ? "" : String.format(Locale.ROOT, "%.2f", figure.efficiency()))
                    .append(" | ").append(String.join("; ", figure.targets().stream()
                            .map(target -> target.text() + (figure.met(target) ? ": **met**" : ": **missed**")).toList()))
                    .append(" |\n");
            if (figure.note() != null) {
                md.append("| | ").append(figure.note()).append(" | | | | | |\n");
            }
            if (growth != null && section.equals(growthSection) && isLastOfSection(figure)) {
                md.append("\n").append(growth.markdownTable());
                if (!growth.isEmpty()) {
                    md.append("\n![Append latency and heap used after GC against the events stored](").append(GROWTH_CHART).append(")\n");
                }
            }
        }
        return md.toString();
    }

    private boolean isLastOfSection(Figure figure) {
        int at = figures.indexOf(figure);
        return at == figures.size() - 1 || !figures.get(at + 1).section().equals(figure.section());
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
