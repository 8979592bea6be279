package org.caseledger.api.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.cases.CaseId;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Decides every request that names a case in its path — API and pages — before anything of the case is read or
 * its body parsed, and logs it: a read as read, a refusal (read or write) as refused, an id that names no case as
 * not found. Allowed writes are not logged here; the
 * ledger itself records them with their author.
 */
@Component
class CaseAccessGuard implements HandlerInterceptor {

    /** The signed case file (for anyone or for a named recipient) and its PDF, from the API and the case page: for review, not case work. */
    private static final List<String> CASE_FILE_EXPORTS = List.of("/api/v1/audit/cases/", "/ui/cases/{caseId}/case-file");

    private final CaseAccessRepository cases;
    private final AccessLog log;

    CaseAccessGuard(CaseAccessRepository cases, AccessLog log) {
        this.cases = cases;
        this.log = log;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<CaseId> caseId = caseIdIn(request);
        if (caseId.isEmpty()) {
            return true;
        }
        StaffUser staff = CurrentStaff.get();
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        Optional<CaseAccess> target = cases.find(caseId.get());
        if (target.isEmpty()) {
            log.record(new AccessLog.Read(AccessLog.Reader.of(staff), AccessLog.Touched.missingCase(caseId.get().value()),
                    request.getMethod() + " " + pattern, request.getQueryString(), request.getHeader(AccessLog.PURPOSE_HEADER),
                    AccessLog.Outcome.NOT_FOUND));
            throw new NotFoundException("there is no case with id " + caseId.get());
        }
        boolean export = CASE_FILE_EXPORTS.stream().anyMatch(pattern::startsWith);
        // An export for a named recipient is posted (it names whom in its body), yet writes nothing: a read, logged as one.
        boolean read = "GET".equals(request.getMethod()) || export;
        Optional<Refusal> refusal = !read ? AccessPolicy.refusesToWrite(staff, target.get())
                : export ? AccessPolicy.refusesToExport(staff, target.get())
                : AccessPolicy.refusesToRead(staff, target.get());
        String what = request.getMethod() + " " + pattern;
        String purpose = request.getHeader(AccessLog.PURPOSE_HEADER);
        if (refusal.isPresent()) {
            log.record(AccessLog.Read.ofCase(staff, target.get(), what, request.getQueryString(), purpose, AccessLog.Outcome.REFUSED));
            throw new AccessRefusedException(refusal.get());
        }
        if (read) {
            log.record(AccessLog.Read.ofCase(staff, target.get(), what, request.getQueryString(), purpose, AccessLog.Outcome.READ));
        }
        return true;
    }

    /** The case named by the path, if any and well-formed; a malformed id is left for the handler to answer 400. */
    private static Optional<CaseId> caseIdIn(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String raw = variables == null ? null : variables.get("caseId");
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CaseId.of(raw));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
