package org.caseledger.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caseledger.api.contract.Paged;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.web.NextPage;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read-access log for auditors: who read a case, what a person read, unusual access, and the chain's verification. */
@RestController
class AccessLogController {

    private static final int MAX_LIMIT = 1000;

    private final AccessLogQuery query;
    private final AccessLog log;

    AccessLogController(AccessLogQuery query, AccessLog log) {
        this.query = query;
        this.log = log;
    }

    /**
     * The entries, newest first, at most {@code limit}; when the page is full, the {@code Link} header ({@code rel="next"})
     * continues below its last position ({@code before}).
     */
    @Paged
    @GetMapping("/api/v1/audit/access-log")
    ResponseEntity<List<AccessLogEntry>> entries(@RequestParam(required = false) UUID caseId, @RequestParam(required = false) String user,
                                                 @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                                 @RequestParam(required = false) Long before,
                                                 @RequestParam(defaultValue = "200") int limit, HttpServletRequest request) {
        logQuery(request);
        List<AccessLogEntry> page = query.find(new AccessLogQuery.Filter(caseId, user, from, to, before, checked(limit)));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() == limit) {
            response.header(NextPage.HEADER, NextPage.link("before", page.get(page.size() - 1).position()));
        }
        return response.body(page);
    }

    @GetMapping("/api/v1/audit/access-log/unusual")
    AccessLogQuery.Unusual unusual(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                   @RequestParam(defaultValue = "200") int limit, HttpServletRequest request) {
        logQuery(request);
        return query.unusual(from, to, checked(limit));
    }

    @GetMapping("/api/v1/audit/access-log/verify")
    AccessLogQuery.Verification verify() {
        return query.verify();
    }

    /** Who reviews the log is logged too: the reviewer's queries show what they looked for. */
    private void logQuery(HttpServletRequest request) {
        log.record(AccessLog.Read.ofRequest(CurrentStaff.get(), request.getMethod() + " " + request.getRequestURI(),
                request.getQueryString(), request.getHeader(AccessLog.PURPOSE_HEADER), AccessLog.Outcome.READ));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", ValueProblem.OUT_OF_RANGE, "limit must be between 1 and " + MAX_LIMIT, 1, MAX_LIMIT);
        }
        return limit;
    }
}
