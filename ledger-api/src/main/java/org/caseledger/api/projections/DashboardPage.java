package org.caseledger.api.projections;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.CaseLists;
import org.caseledger.api.pages.Page;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.caseload.CaseloadQuery;
import org.caseledger.projections.compliance.ComplianceQuery;
import org.caseledger.projections.laterecording.LateRecording;
import org.caseledger.projections.laterecording.LateRecordingRepository;
import org.caseledger.projections.metrics.FiguresAsOf;
import org.caseledger.projections.metrics.MetricsQuery;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unit head's dashboard: every evaluation metric month by month against a baseline, drawn as charts and given
 * as a table of the same values, each linked to its definition, and the months whose figures changed since a chosen date; the deadlines due and overdue; compliance per rule
 * with the cases behind the misses, one link per case; the caseload; and, for the unit head and the auditor, the
 * decisions and hearings recorded long after they happened that turned a miss into a pass. The same queries, unit rule and case
 * filtering as the API.
 */
@Controller
@Page
class DashboardPage {

    private final MetricsQuery metrics;
    private final FiguresAsOf figuresAsOf;
    private final ComplianceQuery compliance;
    private final LateRecordingRepository lateRecordings;
    private final CaseloadQuery caseload;
    private final CaseLists caseLists;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    DashboardPage(MetricsQuery metrics, FiguresAsOf figuresAsOf, ComplianceQuery compliance, LateRecordingRepository lateRecordings,
                  CaseloadQuery caseload, CaseLists caseLists, JsonMapper json, MessageSource messages, Clock clock) {
        this.metrics = metrics;
        this.figuresAsOf = figuresAsOf;
        this.compliance = compliance;
        this.lateRecordings = lateRecordings;
        this.caseload = caseload;
        this.caseLists = caseLists;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/ui/dashboard")
    String dashboard(@RequestParam(required = false) UnitId unit, @RequestParam(required = false) LocalDate from,
                     @RequestParam(required = false) LocalDate to, @RequestParam(required = false) LocalDate baselineFrom,
                     @RequestParam(required = false) LocalDate changedSince, HttpServletRequest request, Locale locale, Model model) {
        StaffUser staff = CurrentStaff.get();
        UnitId which = caseLists.unitOrOwn(staff, unit);
        LocalDate today = LedgerTime.dayOf(clock.instant());
        LocalDate periodTo = to != null ? to : today.withDayOfMonth(1).plusMonths(1);
        LocalDate periodFrom = from != null ? from : periodTo.minusMonths(12);
        if (!periodFrom.isBefore(periodTo) || periodFrom.plusYears(10).isBefore(periodTo)) {
            throw new InvalidValueException("to", ValueProblem.SPAN_TOO_LONG,
                    "the period must run forwards and span at most ten years", 10);
        }
        long days = periodTo.toEpochDay() - periodFrom.toEpochDay();
        LocalDate baselineStart = baselineFrom != null ? baselineFrom : periodFrom.minusDays(days);
        LocalDate baselineEnd = baselineStart.plusDays(days);
        MetricsQuery.Report report = metrics.report(which.value(), periodFrom, periodTo, MetricsQuery.Period.MONTH, baselineStart,
                baselineEnd, today);
        List<DashboardFigures.Column> columns = DashboardFigures.columns(report, today);
        String purpose = request.getHeader(AccessLog.PURPOSE_HEADER);
        model.addAttribute("unit", which.value());
        model.addAttribute("from", periodFrom);
        model.addAttribute("to", periodTo);
        model.addAttribute("baselineFrom", baselineStart);
        model.addAttribute("baselineLast", baselineEnd.minusDays(1));
        model.addAttribute("columns", columns);
        Function<MetricsQuery.Rate, String> parts = rate -> parts(rate, locale);
        Function<Long, String> medianOf = n -> messages.getMessage("dashboard.medianOf", new Object[] {n}, locale);
        model.addAttribute("figures", DashboardFigures.rows(report, columns, locale,
                column -> messages.getMessage("dashboard.state." + column.state(), null, locale), parts, medianOf, json));
        List<DashboardFigures.ChangedMonth> changes = List.of();
        if (changedSince != null) {
            // Judged on the same day as the figures shown, so that only what was recorded since marks a month, not a
            // check that has merely fallen overdue meanwhile.
            MetricsQuery.Report then = figuresAsOf.report(changedSince.atStartOfDay(LedgerTime.ZONE).toInstant(), which.value(), periodFrom,
                    periodTo, MetricsQuery.Period.MONTH, null, null, today);
            changes = DashboardFigures.changes(report, then, columns, locale, parts, medianOf);
        }
        model.addAttribute("changedSince", changedSince);
        model.addAttribute("changes", changes);
        model.addAttribute("changedMonths", changes.stream().map(DashboardFigures.ChangedMonth::month).toList());
        model.addAttribute("deadlines", caseLists.visible(staff, compliance.deadlines(which.value(), null, today, 14),
                ComplianceQuery.Entry::caseId, "deadlines", request.getQueryString(), purpose));
        model.addAttribute("compliance", caseLists.visibleMisses(staff, compliance.report(which.value(), periodFrom, periodTo, today),
                request.getQueryString(), purpose).stream().map(DashboardFigures.RuleRow::of).toList());
        model.addAttribute("caseload", caseload.forUnit(which.value()));
        if (staff.role() == Role.UNIT_HEAD || staff.role() == Role.AUDITOR) {
            // For the legal review: the late recordings that turned a miss into a pass, case by case, and how many there
            // were in all, which names no one.
            model.addAttribute("lateRecordings", caseLists.visible(staff, lateRecordings.recorded(which.value(), periodFrom, periodTo, true),
                    LateRecording::caseId, "late recordings", request.getQueryString(), purpose));
            model.addAttribute("lateRecorded", lateRecordings.recorded(which.value(), periodFrom, periodTo, false).size());
        }
        return "dashboard";
    }

    /** A rate's numerator and denominator, and the checks still within their deadline; nothing for a rate of nothing. */
    private String parts(MetricsQuery.Rate rate, Locale locale) {
        long pending = rate.pending() == null ? 0 : rate.pending();
        if (pending > 0) {
            return messages.getMessage("dashboard.ratePartsPending", new Object[] {rate.numerator(), rate.denominator(), pending}, locale);
        }
        return rate.denominator() == 0 ? "" : messages.getMessage("dashboard.rateParts", new Object[] {rate.numerator(), rate.denominator()},
                locale);
    }

    /** What every figure of the dashboard counts, in the reader's words (docs/metrics.md gives the code's side). */
    @GetMapping("/ui/dashboard/definitions")
    String definitions(Model model) {
        model.addAttribute("figures", MetricsQuery.FIGURES);
        return "definitions";
    }
}
