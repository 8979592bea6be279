package org.caseledger.api.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.AccessLogQuery;
import org.caseledger.api.access.CaseListQuery;
import org.caseledger.api.access.CaseLists;
import org.caseledger.api.integrity.LedgerVerifier;
import org.caseledger.api.pages.Page;
import org.caseledger.api.persons.PersonSearch;
import org.caseledger.api.pages.PageTimes;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.caseview.CaseView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case list, a page at a time, and the case page an auditor replays a case on: the timeline, the case as it stood after
 * any event or at any instant (the same fold as the API's time travel), the decisions with their bases, the
 * integrity of the case verified now, and — for auditors — who has read it. The replay steps are links, which
 * htmx turns into fragment swaps when scripts run.
 */
@Controller
@Page
class CasePage {

    private static final int PAGE_SIZE = 50;
    private static final String OPEN = "OPEN";
    private static final String ALL = "ALL";
    private static final String MINE = "mine";
    private static final String SEARCH = "POST /ui/cases/search";
    /** What a person typing an identity number types: digits, with a hyphen or plus before the last four. */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("^\\d{6,8}[-+]?\\d{4}$");

    private final CaseReader reader;
    private final EventHistory history;
    private final CaseLists caseLists;
    private final CaseListQuery listQuery;
    private final LedgerVerifier verifier;
    private final AccessLogQuery accessLog;
    private final PersonSearch persons;
    private final Clock clock;

    CasePage(CaseReader reader, EventHistory history, CaseLists caseLists, CaseListQuery listQuery, LedgerVerifier verifier,
             AccessLogQuery accessLog, PersonSearch persons, Clock clock) {
        this.reader = reader;
        this.history = history;
        this.caseLists = caseLists;
        this.listQuery = listQuery;
        this.verifier = verifier;
        this.accessLog = accessLog;
        this.persons = persons;
        this.clock = clock;
    }

    /**
     * A page of the case list, through the same query and the same access log as {@code GET /api/v1/cases}. The form's
     * values are the API's, except that the page lists open cases unless asked otherwise (that is what a case worker
     * comes for) and says "mine" for the signed-in member of staff. The page number only counts for the reader; the
     * cursor says where the page starts. The keyset runs forwards only, so a next-page link carries the cursor of the
     * page it leaves ({@code prev}): one step back is a link, and further back the first page (or the browser's back).
     */
    @GetMapping("/ui/cases")
    String cases(@RequestParam(required = false) String unit, @RequestParam(defaultValue = OPEN) String status,
                 @RequestParam(required = false) String assignee, @RequestParam(required = false) String number,
                 @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean protectedIdentity,
                 @RequestParam(defaultValue = "lastActivity") String sort, @RequestParam(required = false) String cursor,
                 @RequestParam(required = false) String prev, @RequestParam(defaultValue = "1") int page, HttpServletRequest request,
                 Model model) {
        StaffUser staff = CurrentStaff.get();
        UnitId listed = caseLists.unitToList(staff, blank(unit) ? null : UnitId.of(unit.trim()));
        String caseNumber = blank(number) ? null : number.trim();
        CaseListQuery.Filter filter = new CaseListQuery.Filter(listed, ALL.equals(status) ? null : CaseListController.statusOf(status),
                assigneeOf(staff, assignee), null, caseNumber, null, null, null, null, overdue, protectedIdentity, today());
        CaseListQuery.Page found = caseLists.page(staff, filter, CaseListController.order(sort), blank(cursor) ? null : cursor, PAGE_SIZE,
                request.getQueryString(), request.getHeader(AccessLog.PURPOSE_HEADER));
        int pageNumber = Math.max(1, page);
        UriComponentsBuilder first = UriComponentsBuilder.fromPath("/ui/cases")
                .queryParamIfPresent("unit", Optional.ofNullable(listed).map(UnitId::value))
                .queryParam("status", status)
                .queryParamIfPresent("assignee", Optional.ofNullable(assignee).filter(value -> !value.isBlank()))
                .queryParamIfPresent("number", Optional.ofNullable(caseNumber))
                .queryParamIfPresent("overdue", Optional.ofNullable(overdue))
                .queryParamIfPresent("protectedIdentity", Optional.ofNullable(protectedIdentity))
                .queryParam("sort", sort);
        form(staff, listed, status, assignee, overdue, protectedIdentity, sort, model);
        model.addAttribute("number", caseNumber);
        model.addAttribute("cases", found.cases());
        model.addAttribute("page", pageNumber);
        model.addAttribute("hint", staff.role() == Role.AUDITOR && listed == null && caseNumber == null && cursor == null);
        model.addAttribute("first", cursor == null ? null : first.cloneBuilder().encode().build().toUriString());
        model.addAttribute("previous", blank(prev) ? null : first.cloneBuilder().queryParam("cursor", prev)
                .queryParam("page", pageNumber - 1).encode().build().toUriString());
        model.addAttribute("next", found.next().map(next -> first.cloneBuilder().queryParam("cursor", next)
                .queryParamIfPresent("prev", Optional.ofNullable(cursor)).queryParam("page", pageNumber + 1).encode().build().toUriString())
                .orElse(null));
        return "cases";
    }

    /**
     * The cases of the children found by a name or an identity number, among those the member of staff may read, of any
     * status and in every unit they may list. Posted, so that neither stands in a URL, a browser's history or a log;
     * every child found is logged as read (or as refused, and then not shown), and every case listed too. A search
     * answers its first {@value #PAGE_SIZE} cases: a child has few, and a name that finds more should be searched more
     * narrowly.
     */
    @PostMapping("/ui/cases/search")
    String search(@RequestParam(defaultValue = "") String who, HttpServletRequest request, Model model) {
        StaffUser staff = CurrentStaff.get();
        String purpose = request.getHeader(AccessLog.PURPOSE_HEADER);
        String typed = who.trim();
        List<PersonId> children = typed.isEmpty() ? List.of() : IDENTITY_NUMBER.matcher(typed).matches()
                ? persons.byIdentityNumber(staff, PersonalIdentityNumber.of(typed), SEARCH, purpose)
                : persons.byName(staff, typed, SEARCH, purpose);
        UnitId listed = caseLists.unitToList(staff, null);
        CaseListQuery.Filter filter = new CaseListQuery.Filter(listed, null, null, children.stream().map(PersonId::value).toList(), null,
                null, null, null, null, null, null, today());
        CaseListQuery.Page found = caseLists.page(staff, filter, CaseListQuery.Order.LAST_ACTIVITY, null, PAGE_SIZE, SEARCH, purpose);
        form(staff, listed, ALL, null, null, null, "lastActivity", model);
        model.addAttribute("who", typed);
        model.addAttribute("searched", true);
        model.addAttribute("more", found.next().isPresent());
        model.addAttribute("cases", found.cases());
        model.addAttribute("page", 1);
        return "cases";
    }

    private void form(StaffUser staff, UnitId listed, String status, String assignee, Boolean overdue, Boolean protectedIdentity,
                             String sort, Model model) {
        boolean auditor = staff.role() == Role.AUDITOR;
        model.addAttribute("unit", listed == null ? null : listed.value());
        model.addAttribute("auditor", auditor);
        model.addAttribute("units", auditor ? listQuery.units().stream().map(UnitId::value).toList() : List.of());
        model.addAttribute("status", status);
        model.addAttribute("assignee", assignee);
        model.addAttribute("overdue", overdue);
        model.addAttribute("protectedIdentity", protectedIdentity);
        model.addAttribute("sort", sort);
    }

    private LocalDate today() {
        return LedgerTime.dayOf(clock.instant());
    }

    private static StaffId assigneeOf(StaffUser staff, String assignee) {
        if (blank(assignee)) {
            return null;
        }
        return MINE.equals(assignee) ? staff.staffId() : StaffId.of(assignee.trim());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @GetMapping("/ui/cases/{caseId}")
    String casePage(@PathVariable CaseId caseId, @RequestParam(required = false) Long step, @RequestParam(required = false) String asOf,
                    Model model) {
        state(caseId, step, typed(asOf), model);
        StaffUser staff = CurrentStaff.get();
        model.addAttribute("timeline", reader.timeline(caseId, CaseReader.Moment.NOW, LocaleContextHolder.getLocale()));
        model.addAttribute("integrity", verifier.verifyStream(caseId.toString()));
        model.addAttribute("reviewer", staff.role() == Role.AUDITOR || staff.role() == Role.UNIT_HEAD);
        if (staff.role() == Role.AUDITOR) {
            model.addAttribute("readers", accessLog.find(new AccessLogQuery.Filter(caseId.value(), null, null, null, null, 100)));
        }
        return "case";
    }

    /** The replayed state alone, for htmx to swap in place. */
    @GetMapping("/ui/cases/{caseId}/state")
    String caseState(@PathVariable CaseId caseId, @RequestParam(required = false) Long step, @RequestParam(required = false) String asOf,
                     Model model) {
        state(caseId, step, typed(asOf), model);
        return "case :: state";
    }

    /** The as-of moment a person typed, in Swedish time (see {@link PageTimes#parse}); none when the field is empty. */
    private static Instant typed(String asOf) {
        return blank(asOf) ? null : PageTimes.parse(asOf, "asOf");
    }

    private void state(CaseId caseId, Long step, Instant asOf, Model model) {
        long last = history.version(caseId, CaseEvent.class);
        CaseReader.Moment moment = asOf != null ? new CaseReader.Moment(asOf, null)
                : new CaseReader.Moment(null, step == null ? last : Math.max(0, Math.min(step, last)));
        CaseView view = reader.view(caseId, moment, last);
        model.addAttribute("caseId", caseId.toString());
        model.addAttribute("view", view);
        model.addAttribute("step", view.version);
        model.addAttribute("last", last);
        model.addAttribute("asOf", asOf);
    }
}
