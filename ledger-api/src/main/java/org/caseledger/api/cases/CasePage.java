package org.caseledger.api.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.AccessLogQuery;
import org.caseledger.api.access.CaseLists;
import org.caseledger.api.integrity.LedgerVerifier;
import org.caseledger.api.pages.Page;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.EventHistory;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cases of a unit, and the case page an auditor replays a case on: the timeline, the case as it stood after
 * any event or at any instant (the same fold as the API's time travel), the decisions with their bases, the
 * integrity of the case verified now, and — for auditors — who has read it. The replay steps are links, which
 * htmx turns into fragment swaps when scripts run.
 */
@Controller
@Page
class CasePage {

    private static final int LIST_SIZE = 500;

    private final CaseReader reader;
    private final EventHistory history;
    private final CaseViewRepository views;
    private final CaseLists caseLists;
    private final LedgerVerifier verifier;
    private final AccessLogQuery accessLog;

    CasePage(CaseReader reader, EventHistory history, CaseViewRepository views, CaseLists caseLists, LedgerVerifier verifier,
             AccessLogQuery accessLog) {
        this.reader = reader;
        this.history = history;
        this.views = views;
        this.caseLists = caseLists;
        this.verifier = verifier;
        this.accessLog = accessLog;
    }

    @GetMapping("/ui/cases")
    String cases(@RequestParam(required = false) UnitId unit, @RequestParam(required = false) String number, HttpServletRequest request,
                 Model model) {
        StaffUser staff = CurrentStaff.get();
        UnitId which = caseLists.unitOrOwn(staff, unit);
        List<CaseView> listed = views.findByUnit(which.value(), LIST_SIZE, 0).stream()
                .filter(view -> number == null || number.isBlank() || view.caseNumber.contains(number.trim()))
                .toList();
        model.addAttribute("unit", which.value());
        model.addAttribute("number", number);
        model.addAttribute("cases", caseLists.visible(staff, listed, view -> view.caseId, "case list", request.getQueryString(),
                request.getHeader(AccessLog.PURPOSE_HEADER)));
        return "cases";
    }

    @GetMapping("/ui/cases/{caseId}")
    String casePage(@PathVariable CaseId caseId, @RequestParam(required = false) Long step, @RequestParam(required = false) Instant asOf,
                    Model model) {
        state(caseId, step, asOf, model);
        StaffUser staff = CurrentStaff.get();
        model.addAttribute("timeline", reader.timeline(caseId, CaseReader.Moment.NOW));
        model.addAttribute("integrity", verifier.verifyStream(caseId.toString()));
        if (staff.role() == Role.AUDITOR) {
            model.addAttribute("readers", accessLog.find(new AccessLogQuery.Filter(caseId.value(), null, null, null, null, 100)));
        }
        return "case";
    }

    /** The replayed state alone, for htmx to swap in place. */
    @GetMapping("/ui/cases/{caseId}/state")
    String caseState(@PathVariable CaseId caseId, @RequestParam(required = false) Long step, @RequestParam(required = false) Instant asOf,
                     Model model) {
        state(caseId, step, asOf, model);
        return "case :: state";
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
