package org.caseledger.projections.metrics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.caseledger.projections.compliance.ComplianceRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evaluation metrics of a unit, period by period, with the change against a baseline. Definitions, including
 * the rates derived from two metrics and how a baseline of another length is compared, in docs/metrics.md.
 */
@Component
public class MetricsQuery {

    /** The lengths of period the metrics are given for. */
    public enum Period {
        MONTH(1), QUARTER(3), YEAR(12);

        private final int months;

        Period(int months) {
            this.months = months;
        }

        LocalDate startOf(LocalDate day) {
            return switch (this) {
                case MONTH -> day.withDayOfMonth(1);
                case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
                case YEAR -> day.withDayOfYear(1);
            };
        }
    }

    /**
     * Figures of one period and, where a baseline is given, their change against it; for every rate among the figures,
     * what it is made of; for every median, how many values it is the median of ({@code medianOf}: its n).
     */
    public record PeriodFigures(LocalDate start, LocalDate end, Map<String, Number> figures, Map<String, Map<String, Long>> breakdowns,
                                Map<String, Change> change, Map<String, Rate> rates, Map<String, Long> medianOf) {
    }

    /**
     * What a rate is made of: the rate is {@code numerator} divided by {@code denominator} (none when that is 0), so a
     * reader sees how few it may rest on. {@code pending}: for a compliance rate, the checks of the period still open and
     * not yet overdue, which the rate leaves out until they are met or missed; {@code null} for a rate of facts counted
     * on their own day, which has none.
     */
    public record Rate(long numerator, long denominator, Long pending) {
    }

    /** The change of a figure against the baseline: absolute, and relative to the baseline ({@code null} when it is 0). */
    public record Change(double absolute, Double relative) {
    }

    /** The baseline: its figures as an average period of the chosen length, over this many periods. */
    public record Baseline(LocalDate from, LocalDate to, double periods, Map<String, Number> figures) {
    }

    public record Report(String unit, LocalDate from, LocalDate to, Period period, List<PeriodFigures> periods, Baseline baseline) {
    }

    /** One fact behind a figure. */
    public record Fact(String caseId, String subject, LocalDate day, String dimension, BigDecimal value) {
    }

    /**
     * The tables the figures are counted from: the read models, or tables of the same shape holding the facts and checks
     * as the ledger knew them at an instant ({@link FiguresAsOf}), so that both are counted by this one code.
     */
    record Tables(String facts, String checks, Instant membershipsAsOf) {

        static final Tables READ_MODELS = new Tables("metric_fact", "compliance_check", null);

        /**
         * The household a household fact of the row {@code f} counts for (docs/metrics.md, "Households"): the household its
         * case's child was a recorded member of at the end of the fact's day (Swedish time) — the case's own household when
         * the child was a member of it then, else the one they joined last — and the case's household when the child was a
         * member of none. Memberships recorded after {@link #membershipsAsOf} do not count, nor do their ends.
         */
        String household(String f, List<Object> params) {
            String endOfDay = "((" + f + ".day + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')";
            String recorded = "";
            if (membershipsAsOf != null) {
                recorded = " AND m.from_recorded_at <= ?";
                params.add(Timestamp.from(membershipsAsOf));
            }
            String ended = membershipsAsOf == null ? "m.to_at < " + endOfDay
                    : "m.to_at < " + endOfDay + " AND m.to_recorded_at <= ?";
            if (membershipsAsOf != null) {
                params.add(Timestamp.from(membershipsAsOf));
            }
            return "CASE WHEN " + f + ".metric IN ('HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT', 'HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT', "
                    + "'VOLUNTARY_OFFERS_ACCEPTED') THEN coalesce((SELECT m.household_id::text FROM household_membership m "
                    + "JOIN case_access c ON c.child_id = m.person_id WHERE c.case_id = " + f + ".case_id "
                    + "AND m.from_at < " + endOfDay + recorded + " AND NOT coalesce(" + ended + ", false) "
                    + "ORDER BY (m.household_id::text = " + f + ".subject) DESC, m.from_at DESC, m.household_id LIMIT 1), "
                    + f + ".subject) ELSE " + f + ".subject END";
        }
    }

    private static final double AVERAGE_MONTH_DAYS = 365.2425 / 12;

    private static final String OFFERED_HOUSEHOLDS_THAT_ACCEPTED = "OFFERED_HOUSEHOLDS_THAT_ACCEPTED";
    private static final String VOLUNTARY_SUPPORT_ACCEPTANCE_RATE = "VOLUNTARY_SUPPORT_ACCEPTANCE_RATE";
    private static final String MISSED_VISIT_RATE = "MISSED_VISIT_RATE";
    private static final String SHARE_OF_REPORTS_LEADING_TO_INVESTIGATION = "SHARE_OF_REPORTS_LEADING_TO_INVESTIGATION";
    private static final String SHARE_OF_VISITS_NOT_HELD = "SHARE_OF_VISITS_NOT_HELD";
    /** Who cancelled a visit, as the dimension of {@link Metric#VISITS_CANCELLED}: the family's count as not held. */
    private static final String CANCELLED_BY_FAMILY = "FAMILY";

    /** The figures derived from a metric, placed right after it. */
    private static final Map<Metric, List<String>> DERIVED_AFTER = Map.of(
            Metric.REPORTS_LEADING_TO_INVESTIGATION, List.of(SHARE_OF_REPORTS_LEADING_TO_INVESTIGATION),
            Metric.HOUSEHOLDS_ACCEPTING_VOLUNTARY_SUPPORT, List.of(OFFERED_HOUSEHOLDS_THAT_ACCEPTED, VOLUNTARY_SUPPORT_ACCEPTANCE_RATE),
            // The two shares of visits side by side: a no-show recorded as the family's cancellation moves only the first.
            Metric.VISITS_CANCELLED, List.of(MISSED_VISIT_RATE, SHARE_OF_VISITS_NOT_HELD));

    /** Every figure of a period, in the order a reader meets them: a derived figure after what it is made of, compliance last. */
    public static final List<String> FIGURES = figureNames();

    static final List<Metric> BROKEN_DOWN = List.of(Metric.REPORTS_OF_CONCERN, Metric.REPORTS_LEADING_TO_INVESTIGATION,
            Metric.COLLABORATION_CONTACTS, Metric.INTERVENTIONS_GRANTED, Metric.VISITS_CANCELLED);

    private final JdbcTemplate jdbc;

    public MetricsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code today} (Swedish date) decides which open checks are overdue, as in the compliance report. */
    public Report report(String unit, LocalDate from, LocalDate to, Period period, LocalDate baselineFrom, LocalDate baselineTo,
                         LocalDate today) {
        return report(Tables.READ_MODELS, unit, from, to, period, baselineFrom, baselineTo, today);
    }

    Report report(Tables tables, String unit, LocalDate from, LocalDate to, Period period, LocalDate baselineFrom, LocalDate baselineTo,
                  LocalDate today) {
        Baseline baseline = null;
        if (baselineFrom != null && baselineTo != null) {
            double baselinePeriods = ChronoUnit.DAYS.between(baselineFrom, baselineTo) / (AVERAGE_MONTH_DAYS * period.months);
            Map<String, Number> total = count(tables, unit, baselineFrom, baselineTo, today).figures();
            Map<String, Number> average = new LinkedHashMap<>();
            total.forEach((name, value) -> average.put(name, isRateOrMedian(name) ? value : round(value.doubleValue() / baselinePeriods)));
            baseline = new Baseline(baselineFrom, baselineTo, round(baselinePeriods), average);
        }
        List<PeriodFigures> periods = new ArrayList<>();
        for (LocalDate start = period.startOf(from); start.isBefore(to); start = start.plusMonths(period.months)) {
            LocalDate end = start.plusMonths(period.months);
            LocalDate periodFrom = start.isBefore(from) ? from : start;
            LocalDate periodTo = end.isAfter(to) ? to : end;
            Counted counted = count(tables, unit, periodFrom, periodTo, today);
            Map<String, Number> figures = counted.figures();
            Map<String, Change> change = new LinkedHashMap<>();
            if (baseline != null) {
                for (Map.Entry<String, Number> figure : figures.entrySet()) {
                    Number before = baseline.figures().get(figure.getKey());
                    if (figure.getValue() != null && before != null) {
                        double absolute = figure.getValue().doubleValue() - before.doubleValue();
                        change.put(figure.getKey(), new Change(round(absolute),
                                before.doubleValue() == 0 ? null : round(absolute / before.doubleValue())));
                    }
                }
            }
            periods.add(new PeriodFigures(periodFrom, periodTo, figures, breakdowns(tables, unit, periodFrom, periodTo), change, counted.rates(),
                    counted.medianOf()));
        }
        return new Report(unit, from, to, period, periods, baseline);
    }

    /** The facts behind a metric; a household fact names the household it counts for. */
    public List<Fact> facts(Metric metric, String unit, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String subject = Tables.READ_MODELS.household("f", params);
        params.addAll(List.of(metric.name(), unit, Date.valueOf(from), Date.valueOf(to)));
        return jdbc.query("SELECT f.case_id, " + subject + " AS subject, f.day, f.dimension, f.value FROM metric_fact f "
                        + "WHERE f.metric = ? AND f.unit = ? AND f.day >= ? AND f.day < ? ORDER BY f.day, subject, f.case_id",
                (rs, row) -> new Fact(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getBigDecimal(5)),
                params.toArray());
    }

    /** The figures of a period, the parts of each of its rates and the n of each of its medians. */
    private record Counted(Map<String, Number> figures, Map<String, Rate> rates, Map<String, Long> medianOf) {
    }

    /** Every figure of {@code [from, to)}: the metrics, the figures derived from them and the compliance rates. */
    private Counted count(Tables tables, String unit, LocalDate from, LocalDate to, LocalDate today) {
        Map<String, Number> values = new HashMap<>();
        Map<String, Rate> rates = new HashMap<>();
        Map<Metric, Number> raw = new EnumMap<>(Metric.class);
        Map<String, Long> medianOf = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            raw.put(metric, metric.aggregate() == Metric.Aggregate.MEDIAN ? null : 0L);
            if (metric.aggregate() == Metric.Aggregate.MEDIAN) {
                medianOf.put(metric.name(), 0L);
            }
        }
        List<Object> params = new ArrayList<>();
        String subject = tables.household("f", params);
        params.addAll(List.of(unit, Date.valueOf(from), Date.valueOf(to)));
        jdbc.query("SELECT f.metric, count(*), count(DISTINCT " + subject + "), sum(f.value), "
                        + "percentile_cont(0.5) WITHIN GROUP (ORDER BY f.value) FROM " + tables.facts() + " f "
                        + "WHERE f.unit = ? AND f.day >= ? AND f.day < ? GROUP BY f.metric",
                rs -> {
                    Metric metric = Metric.valueOf(rs.getString(1));
                    if (metric.aggregate() == Metric.Aggregate.MEDIAN) {
                        medianOf.put(metric.name(), rs.getLong(2));
                    }
                    raw.put(metric, switch (metric.aggregate()) {
                        case COUNT, NONE -> rs.getLong(2);
                        case DISTINCT_SUBJECTS -> rs.getLong(3);
                        case SUM -> rs.getBigDecimal(4).longValue();
                        case MEDIAN -> rs.getDouble(5);
                    });
                }, params.toArray());
        raw.forEach((metric, value) -> values.put(metric.name(), value));
        long offeredThatAccepted = offeredHouseholdsThatAccepted(tables, unit, from, to);
        values.put(OFFERED_HOUSEHOLDS_THAT_ACCEPTED, offeredThatAccepted);
        rates.put(VOLUNTARY_SUPPORT_ACCEPTANCE_RATE, new Rate(offeredThatAccepted,
                raw.get(Metric.HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT).longValue(), null));
        rates.put(MISSED_VISIT_RATE, new Rate(raw.get(Metric.VISITS_MISSED).longValue(),
                raw.get(Metric.VISITS_MISSED).longValue() + raw.get(Metric.VISITS_HELD).longValue(), null));
        long cancelledByFamily = cancelledByFamily(tables, unit, from, to);
        long notHeld = raw.get(Metric.VISITS_MISSED).longValue() + cancelledByFamily;
        rates.put(SHARE_OF_VISITS_NOT_HELD, new Rate(notHeld, notHeld + raw.get(Metric.VISITS_HELD).longValue(), null));
        rates.put(SHARE_OF_REPORTS_LEADING_TO_INVESTIGATION, new Rate(raw.get(Metric.REPORTS_LEADING_TO_INVESTIGATION).longValue(),
                raw.get(Metric.REPORTS_OF_CONCERN).longValue(), null));
        for (ComplianceRule rule : ComplianceRule.values()) {
            rates.put("COMPLIANCE_" + rule.name(), new Rate(0, 0, 0L));
        }
        jdbc.query("SELECT rule, count(*) FILTER (WHERE met OR NOT met OR due_on < ?), count(*) FILTER (WHERE met), "
                        + "count(*) FILTER (WHERE met IS NULL AND NOT due_on < ?) "
                        + "FROM " + tables.checks() + " WHERE unit = ? AND reference_day >= ? AND reference_day < ? GROUP BY rule",
                rs -> {
                    rates.put("COMPLIANCE_" + rs.getString(1), new Rate(rs.getLong(3), rs.getLong(2), rs.getLong(4)));
                }, Date.valueOf(today), Date.valueOf(today), unit, Date.valueOf(from), Date.valueOf(to));
        rates.forEach((name, parts) -> values.put(name, rate(parts.numerator(), parts.denominator())));
        Map<String, Number> figures = new LinkedHashMap<>();
        Map<String, Rate> ratesInOrder = new LinkedHashMap<>();
        for (String name : FIGURES) {
            figures.put(name, values.get(name));
            if (rates.containsKey(name)) {
                ratesInOrder.put(name, rates.get(name));
            }
        }
        return new Counted(figures, ratesInOrder, medianOf);
    }

    /** Visits the family cancelled: not held, as a missed visit is, though neither side failed to come. */
    private long cancelledByFamily(Tables tables, String unit, LocalDate from, LocalDate to) {
        return jdbc.queryForObject("SELECT count(*) FROM " + tables.facts() + " WHERE metric = 'VISITS_CANCELLED' AND dimension = ? "
                + "AND unit = ? AND day >= ? AND day < ?", Long.class, CANCELLED_BY_FAMILY, unit, Date.valueOf(from), Date.valueOf(to));
    }

    /**
     * The acceptance rate's cohort: of the households offered voluntary support in the period (in this unit, where the
     * offer was made), those that accepted one of those offers, whenever they accepted. The acceptance fact carries the
     * offer's day and type; the offer's own fact gives the unit, so a transfer after the offer moves nothing.
     */
    private long offeredHouseholdsThatAccepted(Tables tables, String unit, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String household = tables.household("offer", params);
        params.addAll(List.of(unit, Date.valueOf(from), Date.valueOf(to)));
        return jdbc.queryForObject("SELECT count(DISTINCT " + household + ") FROM " + tables.facts() + " offer "
                        + "WHERE offer.metric = 'HOUSEHOLDS_OFFERED_VOLUNTARY_SUPPORT' AND offer.unit = ? AND offer.day >= ? AND offer.day < ? "
                        + "AND EXISTS (SELECT 1 FROM " + tables.facts() + " accepted WHERE accepted.metric = 'VOLUNTARY_OFFERS_ACCEPTED' "
                        + "AND accepted.case_id = offer.case_id AND accepted.day = offer.day AND accepted.dimension = offer.dimension)",
                Long.class, params.toArray());
    }

    private Map<String, Map<String, Long>> breakdowns(Tables tables, String unit, LocalDate from, LocalDate to) {
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        for (Metric metric : BROKEN_DOWN) {
            breakdowns.put(metric.name(), new TreeMap<>());
        }
        jdbc.query("SELECT metric, dimension, count(*) FROM " + tables.facts() + " WHERE unit = ? AND day >= ? AND day < ? "
                        + "AND metric = ANY(?) GROUP BY metric, dimension",
                rs -> {
                    breakdowns.get(rs.getString(1)).put(String.valueOf(rs.getString(2)).toUpperCase(Locale.ROOT), rs.getLong(3));
                }, unit, Date.valueOf(from), Date.valueOf(to), BROKEN_DOWN.stream().map(Metric::name).toArray(String[]::new));
        return breakdowns;
    }

    private static List<String> figureNames() {
        List<String> names = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric.aggregate() != Metric.Aggregate.NONE) {
                names.add(metric.name());
                names.addAll(DERIVED_AFTER.getOrDefault(metric, List.of()));
            }
        }
        for (ComplianceRule rule : ComplianceRule.values()) {
            names.add("COMPLIANCE_" + rule.name());
        }
        return List.copyOf(names);
    }

    /** Whether a figure is a share of a whole (0 to 1), not a count or a number of days. */
    public static boolean isRate(String name) {
        return name.endsWith("_RATE") || name.startsWith("SHARE_") || name.startsWith("COMPLIANCE_");
    }

    private static boolean isRateOrMedian(String name) {
        return isRate(name) || isMedian(name);
    }

    /** Whether a figure is a median of days. */
    public static boolean isMedian(String name) {
        return Arrays.stream(Metric.values()).anyMatch(metric -> metric.name().equals(name) && metric.aggregate() == Metric.Aggregate.MEDIAN);
    }

    private static Double rate(Number part, Number whole) {
        return whole == null || whole.doubleValue() == 0 ? null : round(part.doubleValue() / whole.doubleValue());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
