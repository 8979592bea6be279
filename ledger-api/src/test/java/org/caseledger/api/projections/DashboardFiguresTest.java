package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.caseledger.projections.metrics.MetricsQuery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's reading of the metrics: months counted in part are marked, shares are percent, the table holds the charts' values. */
class DashboardFiguresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void givenTodayInMarchWhenJanuaryToAprilIsShownThenMarchIsInProgressAndAprilNotBegun() {
        MetricsQuery.Report report = report(period("2026-01-01", "2026-02-01", 0.5, 4L), period("2026-02-01", "2026-03-01", 0.9, 6L),
                period("2026-03-01", "2026-04-01", 0.25, 1L), period("2026-04-01", "2026-05-01", null, 0L));

        List<DashboardFigures.Column> columns = DashboardFigures.columns(report, LocalDate.parse("2026-03-06"));

        assertThat(columns).extracting(DashboardFigures.Column::state).containsExactly(DashboardFigures.State.COMPLETE,
                DashboardFigures.State.COMPLETE, DashboardFigures.State.IN_PROGRESS, DashboardFigures.State.NOT_BEGUN);
        assertThat(columns.get(2).counted()).isEqualTo(6);
        assertThat(columns.get(2).days()).isEqualTo(31);
        assertThat(columns.get(2).lastCounted()).hasToString("2026-03-06");
        assertThat(columns.get(1).marked()).isFalse();
    }

    @Test
    void givenARangeStartingMidJanuaryWhenItIsShownThenJanuaryIsMarkedAsCut() {
        MetricsQuery.Report report = report(period("2026-01-15", "2026-02-01", 0.5, 2L), period("2026-02-01", "2026-03-01", 0.5, 3L));

        List<DashboardFigures.Column> columns = DashboardFigures.columns(report, LocalDate.parse("2026-06-01"));

        assertThat(columns).extracting(DashboardFigures.Column::state).containsExactly(DashboardFigures.State.CUT, DashboardFigures.State.COMPLETE);
        assertThat(columns.get(0).counted()).isEqualTo(17);
    }

    @Test
    void givenASharesAndACountWhenTheyAreShownThenTheChartDrawsPercentOnItsOwnScaleAndTheTableSaysTheSameInSwedishAndEnglish() {
        MetricsQuery.Report report = report(period("2026-01-01", "2026-02-01", 0.6667, new MetricsQuery.Rate(2, 3, null), 4L),
                period("2026-02-01", "2026-03-01", 1.0, new MetricsQuery.Rate(12, 12, null), 12L),
                period("2026-03-01", "2026-04-01", 0.25, new MetricsQuery.Rate(1, 4, 2L), 1L));
        List<DashboardFigures.Column> columns = DashboardFigures.columns(report, LocalDate.parse("2026-03-06"));

        List<DashboardFigures.Row> swedish = DashboardFigures.rows(report, columns, Locale.forLanguageTag("sv"), column -> "pågående period",
                DashboardFiguresTest::parts, n -> "n=" + n, JSON);
        List<DashboardFigures.Row> english = DashboardFigures.rows(report, columns, Locale.ENGLISH, column -> "period in progress",
                DashboardFiguresTest::parts, n -> "n=" + n, JSON);

        DashboardFigures.Row rate = swedish.get(0);
        JsonNode series = JSON.readTree(rate.series());
        assertThat(rate.kind()).isEqualTo(DashboardFigures.Kind.RATE);
        assertThat(series.path("kind").asString()).isEqualTo("rate");
        assertThat(series.path("values").get(0).asDouble()).isEqualTo(66.7);
        assertThat(series.path("values").get(1).asDouble()).isEqualTo(100.0);
        assertThat(series.path("baseline").asDouble()).isEqualTo(50.0);
        assertThat(series.path("marks").get(0).isNull()).isTrue();
        assertThat(series.path("marks").get(2).asString()).isEqualTo("pågående period");
        assertThat(rate.cells()).extracting(DashboardFiguresTest::spaced).containsExactly("66,7 %", "100 %", "25 %");
        assertThat(english.get(0).cells()).containsExactly("66.7%", "100%", "25%");
        assertThat(rate.parts()).as("each share says what it rests on, month by month").containsExactly("2/3", "12/12", "1/4+2");
        DashboardFigures.Row count = swedish.get(1);
        assertThat(count.kind()).isEqualTo(DashboardFigures.Kind.COUNT);
        assertThat(count.cells()).containsExactly("4", "12", "1");
        assertThat(count.parts()).containsOnly("");
        assertThat(JSON.readTree(count.series()).path("values").toString()).isEqualTo("[4,12,1]");
        assertThat(spaced(count.baseline())).isEqualTo("2,5");
    }

    @Test
    void givenTheDaysToSupportByPathWhenTheyAreShownThenEachMedianIsDaysAndSaysHowManyCasesItRestsOn() {
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT", 17.0);
        figures.put("DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION", 111.0);
        MetricsQuery.PeriodFigures january = new MetricsQuery.PeriodFigures(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"),
                figures, Map.of(), Map.of(), Map.of(),
                Map.of("DAYS_FROM_FIRST_CONTACT_TO_SERVICE_SUPPORT", 9L, "DAYS_FROM_FIRST_CONTACT_TO_SUPPORT_AFTER_INVESTIGATION", 2L));
        MetricsQuery.Report report = report(january);
        List<DashboardFigures.Column> columns = DashboardFigures.columns(report, LocalDate.parse("2026-03-06"));

        List<DashboardFigures.Row> rows = DashboardFigures.rows(report, columns, Locale.ENGLISH, column -> "", DashboardFiguresTest::parts,
                n -> "n=" + n, JSON);

        assertThat(rows).extracting(DashboardFigures.Row::kind).containsOnly(DashboardFigures.Kind.DAYS);
        assertThat(rows.get(0).parts()).containsExactly("n=9");
        assertThat(rows.get(1).parts()).as("a median of two cases reads as such").containsExactly("n=2");
    }

    @Test
    void everyFigureHasItsNameAndItsDefinitionInBothLanguages() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties words = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String figure : MetricsQuery.FIGURES) {
                assertThat(words).as(file).containsKeys("metric." + figure, "definition." + figure);
            }
            assertThat(words).as(file).containsKeys("definition.CASELOAD", "dashboard.state.IN_PROGRESS", "dashboard.state.CUT",
                    "dashboard.state.NOT_BEGUN", "dashboard.note.IN_PROGRESS", "dashboard.note.CUT", "dashboard.note.NOT_BEGUN",
                    "dashboard.status.PENDING", "dashboard.status.OVERDUE");
        }
    }

    private static String spaced(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static MetricsQuery.Report report(MetricsQuery.PeriodFigures... periods) {
        return new MetricsQuery.Report("vivalla", periods[0].start(), periods[periods.length - 1].end(), MetricsQuery.Period.MONTH,
                List.of(periods), new MetricsQuery.Baseline(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-01"), 12,
                Map.of("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE", 0.5, "REPORTS_OF_CONCERN", 2.5)));
    }

    private static MetricsQuery.PeriodFigures period(String start, String end, Double rate, Long reports) {
        return period(start, end, rate, null, reports);
    }

    private static MetricsQuery.PeriodFigures period(String start, String end, Double rate, MetricsQuery.Rate parts, Long reports) {
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE", rate);
        figures.put("REPORTS_OF_CONCERN", reports);
        return new MetricsQuery.PeriodFigures(LocalDate.parse(start), LocalDate.parse(end), figures, Map.of(), Map.of(),
                parts == null ? Map.of() : Map.of("VOLUNTARY_SUPPORT_ACCEPTANCE_RATE", parts), Map.of());
    }

    private static String parts(MetricsQuery.Rate rate) {
        return rate.numerator() + "/" + rate.denominator() + (rate.pending() == null ? "" : "+" + rate.pending());
    }
}
