package org.caseledger.api.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.CaseListQuery;
import org.caseledger.api.access.CaseLists;
import org.caseledger.api.contract.Paged;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.NextPage;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases}: the case files the caller may read, filtered and paged. The next page is linked in the
 * {@code Link} header ({@code rel="next"}) and named in {@code next}; its cursor is opaque. Every case listed is logged
 * as read. Auditors list every unit unless they name one; everyone else lists their own unit.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseListController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> STATUSES = Set.of("OPEN", "CLOSED");

    /** One case file in the list. Nothing in it names anyone; {@code status} is absent for a moment after opening. */
    record CaseSummary(String caseId, String caseNumber, String unit, String status, String assignee, String child,
                       Instant openedAt, Instant lastActivityAt, boolean protectedIdentity) {
    }

    /** A page of the list, and the cursor of the next page (absent on the last). */
    record CaseList(List<CaseSummary> cases, String next) {
    }

    private final CaseLists lists;
    private final Clock clock;

    CaseListController(CaseLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @Operation(summary = "List cases", description = """
            The case files the caller may read, filtered and sorted, a page at a time: the caller's own unit, or for an \
            auditor every unit unless `unit` names one. Nothing in a summary names anyone. The next page is in `next` and in the \
            `Link` header; its cursor is opaque. Every case listed is logged as read.""")
    @Paged
    @GetMapping
    ResponseEntity<CaseList> list(@RequestParam(required = false) UnitId unit,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) StaffId assignee,
                                  @RequestParam(required = false) UUID child,
                                  @RequestParam(required = false) String caseNumber,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedFrom,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedTo,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeFrom,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeTo,
                                  @Parameter(description = "Only the cases with a deadline open and passed (true), or only those with none (false)")
                                  @RequestParam(required = false) Boolean overdue,
                                  @Parameter(description = "Only the cases of a child or household with a protected identity (true), or only the others (false)")
                                  @RequestParam(required = false) Boolean protectedIdentity,
                                  @RequestParam(defaultValue = "lastActivity") String sort,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                                  HttpServletRequest request) {
        StaffUser staff = CurrentStaff.get();
        statusOf(status);
        CaseListQuery.Filter filter = new CaseListQuery.Filter(lists.unitToList(staff, unit), status, assignee,
                child == null ? null : List.of(child), caseNumber, openedFrom, openedTo, activeFrom, activeTo, overdue, protectedIdentity,
                LedgerTime.dayOf(clock.instant()));
        CaseListQuery.Page page = lists.page(staff, filter, order(sort), cursor, limitOf(limit), request.getQueryString(),
                request.getHeader(AccessLog.PURPOSE_HEADER));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        page.next().ifPresent(next -> response.header(NextPage.HEADER, NextPage.link("cursor", next)));
        return response.body(new CaseList(page.cases().stream().map(CaseListController::summary).toList(), page.next().orElse(null)));
    }

    private static CaseSummary summary(CaseListQuery.Listed listed) {
        return new CaseSummary(listed.access().caseId().toString(), listed.access().caseNumber(), listed.access().unit().value(),
                listed.status(), listed.access().assignee() == null ? null : listed.access().assignee().value(),
                listed.child().toString(), listed.openedAt(), listed.lastActivityAt(), listed.access().protectedIdentity());
    }

    /** The status asked for, if it is one a case can have; the page shares the API's words for it. */
    static String statusOf(String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidValueException("status", ValueProblem.ONE_OF, "status must be OPEN or CLOSED", "OPEN, CLOSED");
        }
        return status;
    }

    static CaseListQuery.Order order(String sort) {
        return switch (sort) {
            case "lastActivity" -> CaseListQuery.Order.LAST_ACTIVITY;
            case "caseNumber" -> CaseListQuery.Order.CASE_NUMBER;
            default -> throw new InvalidValueException("sort", ValueProblem.ONE_OF, "sort must be lastActivity or caseNumber",
                    "lastActivity, caseNumber");
        };
    }

    private static int limitOf(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", ValueProblem.OUT_OF_RANGE, "limit must be between 1 and " + MAX_LIMIT, 1, MAX_LIMIT);
        }
        return limit;
    }
}
