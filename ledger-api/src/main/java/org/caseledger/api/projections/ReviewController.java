package org.caseledger.api.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.CaseLists;
import org.caseledger.api.contract.Paged;
import org.caseledger.api.processing.ProjectionAdmin;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.web.NextPage;
import org.caseledger.api.web.PageBounds;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.shared.ValueProblem;
import org.caseledger.projections.compliance.ComplianceQuery;
import org.caseledger.projections.laterecording.LateRecording;
import org.caseledger.projections.laterecording.LateRecordingRepository;
import org.caseledger.projections.metrics.FiguresAsOf;
import org.caseledger.projections.metrics.Metric;
import org.caseledger.projections.metrics.MetricsQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the unit head and legal review ask: the evaluation metrics per period against a baseline, compliance per
 * rule with the cases behind every miss, the deadlines still open, and the facts recorded long after they happened. Periods run from {@code from} (included)
 * to {@code to} (excluded); the unit is the caller's own unless another is named.
 */
@RestController
class ReviewController {

    /** The entries of a drill-down or deadline page unless the caller asks for fewer. */
    private static final int PAGE = 200;

    private static final int MAX_DAYS = 366 * 10;

    private final MetricsQuery metrics;
    private final FiguresAsOf figuresAsOf;
    private final ComplianceQuery compliance;
    private final LateRecordingRepository lateRecordings;
    private final ProjectionAdmin projections;
    private final CaseLists caseLists;
    private final Clock clock;

    ReviewController(MetricsQuery metrics, FiguresAsOf figuresAsOf, ComplianceQuery compliance, LateRecordingRepository lateRecordings,
                     ProjectionAdmin projections, CaseLists caseLists, Clock clock) {
        this.metrics = metrics;
        this.figuresAsOf = figuresAsOf;
        this.compliance = compliance;
        this.lateRecordings = lateRecordings;
        this.projections = projections;
        this.caseLists = caseLists;
        this.clock = clock;
    }

    @Operation(summary = "Read the unit's figures", description = """
            The unit's figures per period (month, quarter or year) between `from` and `to`, optionally compared with a \
            baseline range, with breakdowns. Nothing in them names anyone. With `asOf` (a recorded time), the figures as \
            the ledger knew them then: counted from the events recorded by that instant, open checks judged on its day, \
            so that a past month's figures can be compared with today's. `Warning` while the read models are rebuilt.""")
    @GetMapping("/api/v1/metrics")
    ResponseEntity<MetricsQuery.Report> metrics(@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) UnitId unit,
                                @RequestParam(defaultValue = "month") String period, @RequestParam(required = false) String baseline,
                                @Parameter(description = "The figures as the ledger knew them at this instant: from the events recorded by then")
                                @RequestParam(required = false) Instant asOf) {
        checkRange(from, to);
        LocalDate baselineFrom = null;
        LocalDate baselineTo = null;
        if (baseline != null) {
            String[] parts = baseline.split("\\.\\.");
            if (parts.length != 2) {
                throw new InvalidValueException("baseline", ValueProblem.DATE_RANGE_FORMAT,
                        "baseline must be two days joined by .., such as 2025-01-01..2026-01-01");
            }
            baselineFrom = day(parts[0], "baseline");
            baselineTo = day(parts[1], "baseline");
            checkRange(baselineFrom, baselineTo);
        }
        if (asOf != null) {
            // A moment yet to come reads as now: what the ledger has recorded, judged today.
            LocalDate then = LedgerTime.dayOf(asOf.isAfter(clock.instant()) ? clock.instant() : asOf);
            return projections.answer(figuresAsOf.report(asOf, unitOrOwn(unit), from, to, period(period), baselineFrom, baselineTo, then));
        }
        return projections.answer(metrics.report(unitOrOwn(unit), from, to, period(period), baselineFrom, baselineTo, today()));
    }

    @Operation(summary = "Read the cases behind a figure", description = """
            The cases one figure counts between `from` and `to`, those the caller may read, by day; each case of a page is \
            logged as read. Pages of at most `limit` entries from position `position`; the `Link` header names the next \
            page while more follow.""")
    @Paged
    @GetMapping("/api/v1/metrics/{metric}/cases")
    ResponseEntity<List<MetricsQuery.Fact>> metricFacts(@PathVariable String metric, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                        @RequestParam(required = false) UnitId unit,
                                        @Parameter(description = "The position of the first entry of the page, from 0")
                                        @RequestParam(defaultValue = "0") int position,
                                        @Parameter(description = "The most entries in the page, 1 to 1000")
                                        @RequestParam(defaultValue = "" + PAGE) int limit, HttpServletRequest request) {
        PageBounds.check("position", position, limit);
        checkRange(from, to);
        Metric which;
        try {
            which = Metric.valueOf(metric.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("there is no metric called " + metric);
        }
        List<MetricsQuery.Fact> facts = metrics.facts(which, unitOrOwn(unit), from, to);
        return paged(facts, MetricsQuery.Fact::caseId, "metric drill-down",
                request.getQueryString() == null ? metric : metric + "?" + request.getQueryString(), position, limit, request);
    }

    @Operation(summary = "Read compliance with the law's deadlines", description = """
            Per legal deadline (the protection assessment the day a report comes, the investigation within four months, \
            …) how many cases were checked between `from` and `to`, how many kept it, and the cases that missed it.""")
    @GetMapping("/api/v1/compliance")
    ResponseEntity<List<ComplianceQuery.RuleResult>> compliance(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                                @RequestParam(required = false) UnitId unit, HttpServletRequest request) {
        checkRange(from, to);
        return projections.answer(caseLists.visibleMisses(CurrentStaff.get(), compliance.report(unitOrOwn(unit), from, to, today()),
                request.getQueryString(), request.getHeader(AccessLog.PURPOSE_HEADER)));
    }

    /** Open deadlines: overdue, and due within {@code days} (default 14) days, per unit and optionally per case worker. */
    @Operation(summary = "Read open deadlines", description = """
            The deadlines of open cases that are overdue or fall within `days` days, per unit and optionally per case \
            worker.""")
    @Paged
    @GetMapping("/api/v1/deadlines")
    ResponseEntity<List<ComplianceQuery.Entry>> deadlines(@RequestParam(required = false) UnitId unit, @RequestParam(required = false) StaffId assignee,
                                          @RequestParam(defaultValue = "14") int days,
                                          @Parameter(description = "The position of the first entry of the page, from 0")
                                          @RequestParam(defaultValue = "0") int position,
                                          @Parameter(description = "The most entries in the page, 1 to 1000")
                                          @RequestParam(defaultValue = "" + PAGE) int limit, HttpServletRequest request) {
        PageBounds.check("position", position, limit);
        if (days < 0 || days > 366) {
            throw new InvalidValueException("days", ValueProblem.OUT_OF_RANGE, "days must be between 0 and 366", 0, 366);
        }
        List<ComplianceQuery.Entry> deadlines = compliance.deadlines(unitOrOwn(unit), assignee == null ? null : assignee.value(), today(), days);
        return paged(deadlines, ComplianceQuery.Entry::caseId, "deadlines", request.getQueryString(), position, limit, request);
    }

    @Operation(summary = "Read the facts recorded long after they happened", description = """
            For the legal review: the decisions (extensions among them), hearings of the child and reasons the child was \
            not heard that the unit recorded more than seven days after they happened, recorded between `from` and `to` \
            (Swedish days), oldest first, each with how many days after, and `missesTurned`: the rules whose check was \
            missed or overdue when it was recorded and is met, or within its deadline, with it. `missesTurned=true` lists \
            only those. Cases the caller may not open are left out; each case of a page is logged as read. Pages of at \
            most `limit` entries from position `position`; the `Link` header names the next page while more follow.""")
    @Paged
    @GetMapping("/api/v1/audit/late-recordings")
    ResponseEntity<List<LateRecording>> lateRecordings(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                                       @RequestParam(required = false) UnitId unit,
                                                       @Parameter(description = "Only those that turned a miss into a pass")
                                                       @RequestParam(defaultValue = "false") boolean missesTurned,
                                                       @Parameter(description = "The position of the first entry of the page, from 0")
                                                       @RequestParam(defaultValue = "0") int position,
                                                       @Parameter(description = "The most entries in the page, 1 to 1000")
                                                       @RequestParam(defaultValue = "" + PAGE) int limit, HttpServletRequest request) {
        PageBounds.check("position", position, limit);
        checkRange(from, to);
        List<LateRecording> recorded = lateRecordings.recorded(unitOrOwn(unit), from, to, missesTurned);
        return paged(recorded, LateRecording::caseId, "late recordings", request.getQueryString(), position, limit, request);
    }

    /**
     * The page of the entries whose cases the caller may open, each of its cases logged as read ({@code what}, with the
     * query in {@code detail}), answered with the read models' warning while they are rebuilt and the next page in
     * {@code Link}.
     */
    private <T> ResponseEntity<List<T>> paged(List<T> entries, Function<T, String> caseOf, String what, String detail, int position,
                                              int limit, HttpServletRequest request) {
        CaseLists.Page<T> page = caseLists.visiblePage(CurrentStaff.get(), entries, caseOf, position, limit, what, detail,
                request.getHeader(AccessLog.PURPOSE_HEADER));
        ResponseEntity<List<T>> answer = projections.answer(page.items());
        if (!page.more()) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(NextPage.HEADER, NextPage.link("position", position + limit)).body(answer.getBody());
    }

    private LocalDate today() {
        return LedgerTime.dayOf(clock.instant());
    }

    private String unitOrOwn(UnitId unit) {
        return caseLists.unitOrOwn(CurrentStaff.get(), unit).value();
    }

    private static MetricsQuery.Period period(String period) {
        try {
            return MetricsQuery.Period.valueOf(period.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("period", ValueProblem.ONE_OF, "period must be month, quarter or year",
                    "month, quarter, year");
        }
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw new InvalidValueException("to", ValueProblem.NOT_BEFORE, "from must lie before to", "from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidValueException("to", ValueProblem.SPAN_TOO_LONG, "a range may span at most ten years", 10);
        }
    }

    private static LocalDate day(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException(field, ValueProblem.DATE_FORMAT, field + " must be days such as 2025-01-01");
        }
    }
}
