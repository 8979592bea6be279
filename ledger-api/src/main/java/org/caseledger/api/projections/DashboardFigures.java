package org.caseledger.api.projections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.caseledger.projections.compliance.ComplianceQuery;
import org.caseledger.projections.compliance.ComplianceRule;
import org.caseledger.projections.metrics.Metric;
import org.caseledger.projections.metrics.MetricsQuery;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation metrics as the dashboard shows them: a month counted only in part (the month in progress, a month cut
 * by the range asked, a month not begun) is marked as such rather than drawn as a fall; a share is shown in percent on
 * a 0–100 % axis; the table holds the very values the charts draw, in the reader's number format; the misses behind a
 * rule come once per case, with their count. Public, with public parts, because the page's expressions read them.
 */
public final class DashboardFigures {

    private DashboardFigures() {
    }

    /** How a figure reads: a count, a share shown in percent, or a number of days. */
    public enum Kind {
        COUNT, RATE, DAYS;

        static Kind of(String figure) {
            if (MetricsQuery.isRate(figure)) {
                return RATE;
            }
            return MetricsQuery.isMedian(figure) ? DAYS : COUNT;
        }
    }

    /** How much of a month the figures cover on the day asked. */
    public enum State { COMPLETE, IN_PROGRESS, CUT, NOT_BEGUN }

    /**
     * One month: {@code counted} of its {@code days} days are behind its figures, the last of them {@code lastCounted}
     * ({@code null} when none is).
     */
    public record Column(String month, State state, long counted, long days, LocalDate lastCounted) {

        public boolean marked() {
            return state != State.COMPLETE;
        }
    }

    /**
     * One figure: its cells and baseline as the table shows them, and its chart's series as JSON; for a rate, under each
     * cell what it is made of (numerator, denominator, pending), so that a share of a handful reads as such; for a median,
     * how many values it is the median of.
     */
    public record Row(String name, Kind kind, List<String> cells, List<String> parts, String baseline, String series) {
    }

    /** What a chart draws: its values (percent for a share) and, for each month counted only in part, the word that marks it. */
    public record Series(String kind, List<String> months, List<String> marks, List<Number> values, Number baseline) {
    }

    /** A figure of a month that reads otherwise now than it did at the date chosen: what it read then, and now. */
    public record Changed(String figure, String before, String after) {
    }

    /** A month whose figures changed since the date chosen, and which of them. */
    public record ChangedMonth(String month, List<Changed> figures) {
    }

    /** A case behind the misses of one rule, and how many of them it has. */
    public record CaseMisses(String caseId, String caseNumber, int misses) {
    }

    /**
     * Compliance with one rule as the dashboard shows it: the misses grouped per case, in the order of their first miss,
     * the checks still pending, and how many misses are of cases the reader may not open.
     */
    public record RuleRow(ComplianceRule rule, long checked, long met, long pending, Double rate, List<CaseMisses> cases, long missesNotShown) {

        static RuleRow of(ComplianceQuery.RuleResult result) {
            Map<String, CaseMisses> cases = new LinkedHashMap<>();
            for (ComplianceQuery.Entry miss : result.misses()) {
                cases.merge(miss.caseId(), new CaseMisses(miss.caseId(), miss.caseNumber(), 1),
                        (known, another) -> new CaseMisses(known.caseId(), known.caseNumber(), known.misses() + 1));
            }
            return new RuleRow(result.rule(), result.checked(), result.met(), result.pending(), result.rate(), List.copyOf(cases.values()),
                    result.missesNotShown());
        }
    }

    static List<Column> columns(MetricsQuery.Report report, LocalDate today) {
        List<Column> columns = new ArrayList<>();
        for (MetricsQuery.PeriodFigures period : report.periods()) {
            LocalDate monthStart = period.start().withDayOfMonth(1);
            long days = ChronoUnit.DAYS.between(monthStart, monthStart.plusMonths(1));
            LocalDate countedTo = period.end().isAfter(today) ? today.plusDays(1) : period.end();
            long counted = Math.max(0, ChronoUnit.DAYS.between(period.start(), countedTo));
            State state;
            if (counted == 0) {
                state = State.NOT_BEGUN;
            } else if (period.end().isAfter(today)) {
                state = State.IN_PROGRESS;
            } else {
                state = counted < days ? State.CUT : State.COMPLETE;
            }
            columns.add(new Column(monthStart.toString().substring(0, 7), state, counted, days,
                    counted == 0 ? null : period.start().plusDays(counted - 1)));
        }
        return columns;
    }

    /**
     * @param mark  the word a chart writes under a month counted only in part
     * @param parts how a rate's parts read, such as "3 of 4, 1 pending"
     * @param n     how a median's n reads, such as "of 12 cases"
     */
    static List<Row> rows(MetricsQuery.Report report, List<Column> columns, Locale locale, Function<Column, String> mark,
                          Function<MetricsQuery.Rate, String> parts, Function<Long, String> n, JsonMapper json) {
        List<Row> rows = new ArrayList<>();
        if (report.periods().isEmpty()) {
            return rows;
        }
        List<String> months = columns.stream().map(Column::month).toList();
        List<String> marks = columns.stream().map(column -> column.marked() ? mark.apply(column) : null).toList();
        for (String name : report.periods().get(0).figures().keySet()) {
            Kind kind = Kind.of(name);
            List<String> cells = new ArrayList<>();
            List<String> made = new ArrayList<>();
            List<Number> values = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                boolean begun = columns.get(i).state() != State.NOT_BEGUN;
                Number value = begun ? report.periods().get(i).figures().get(name) : null;
                MetricsQuery.Rate rate = begun ? report.periods().get(i).rates().get(name) : null;
                Long medianOf = begun ? report.periods().get(i).medianOf().get(name) : null;
                values.add(shown(kind, value));
                cells.add(format(kind, value, locale));
                made.add(rate != null ? parts.apply(rate) : medianOf != null ? n.apply(medianOf) : "");
            }
            Map<String, Number> baselineFigures = report.baseline() == null ? Map.of() : report.baseline().figures();
            Number baseline = baselineFigures.get(name);
            rows.add(new Row(name, kind, cells, made, format(kind, baseline, locale),
                    json.writeValueAsString(new Series(kind.name().toLowerCase(Locale.ROOT), months, marks, values, shown(kind, baseline)))));
        }
        return rows;
    }

    /**
     * The months whose figures read otherwise {@code now} than {@code then} (the same months, counted from what the ledger
     * had recorded at the date chosen): a figure changed when its value did, or what a rate or median rests on did.
     */
    static List<ChangedMonth> changes(MetricsQuery.Report now, MetricsQuery.Report then, List<Column> columns, Locale locale,
                                      Function<MetricsQuery.Rate, String> parts, Function<Long, String> n) {
        List<ChangedMonth> months = new ArrayList<>();
        for (int i = 0; i < now.periods().size(); i++) {
            if (columns.get(i).state() == State.NOT_BEGUN) {
                continue;
            }
            MetricsQuery.PeriodFigures current = now.periods().get(i);
            MetricsQuery.PeriodFigures past = then.periods().get(i);
            List<Changed> changed = new ArrayList<>();
            for (String name : current.figures().keySet()) {
                Kind kind = Kind.of(name);
                String before = reading(kind, name, past, locale, parts, n);
                String after = reading(kind, name, current, locale, parts, n);
                if (!before.equals(after)) {
                    changed.add(new Changed(name, before, after));
                }
            }
            if (!changed.isEmpty()) {
                months.add(new ChangedMonth(columns.get(i).month(), changed));
            }
        }
        return months;
    }

    /** A figure as the reader reads it: its value and, for a rate or a median, what it rests on. */
    private static String reading(Kind kind, String name, MetricsQuery.PeriodFigures period, Locale locale,
                                  Function<MetricsQuery.Rate, String> parts, Function<Long, String> n) {
        String value = format(kind, period.figures().get(name), locale);
        MetricsQuery.Rate rate = period.rates().get(name);
        Long medianOf = period.medianOf().get(name);
        String basis = rate != null ? parts.apply(rate) : medianOf != null ? n.apply(medianOf) : "";
        return basis.isEmpty() ? value : value + " (" + basis + ")";
    }

    /** The value a chart draws: a share in percent to a tenth, so that the table's words and the chart agree. */
    private static Number shown(Kind kind, Number value) {
        if (value == null || kind != Kind.RATE) {
            return value;
        }
        return percent(value);
    }

    private static BigDecimal percent(Number share) {
        return new BigDecimal(share.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    static String format(Kind kind, Number value, Locale locale) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = kind == Kind.RATE ? NumberFormat.getPercentInstance(locale) : NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(kind == Kind.RATE ? percent(value).movePointLeft(2) : new BigDecimal(value.toString()));
    }
}
