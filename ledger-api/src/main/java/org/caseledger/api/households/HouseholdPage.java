package org.caseledger.api.households;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.HouseholdAccessGuard;
import org.caseledger.api.pages.Page;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.shared.HouseholdId;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The household's page: the same view as {@code GET /api/v1/households/{id}}, decided and logged by the same guard. */
@Controller
@Page
class HouseholdPage {

    private final HouseholdAccessGuard guard;
    private final HouseholdReader reader;

    HouseholdPage(HouseholdAccessGuard guard, HouseholdReader reader) {
        this.guard = guard;
        this.reader = reader;
    }

    @GetMapping("/ui/households/{householdId}")
    String household(@PathVariable HouseholdId householdId, HttpServletRequest request, Model model) {
        HouseholdAccessGuard.Visible visible = guard.read(CurrentStaff.get(), householdId, "GET /ui/households/{householdId}",
                request.getHeader(AccessLog.PURPOSE_HEADER));
        HouseholdView view = reader.read(visible, LocaleContextHolder.getLocale());
        model.addAttribute("view", view);
        model.addAttribute("current", view.members().stream().filter(HouseholdView.Member::current).toList());
        model.addAttribute("former", view.members().stream().filter(member -> !member.current()).toList());
        Map<String, String> names = view.members().stream().collect(Collectors.toMap(HouseholdView.Member::personId, HouseholdView.Member::name));
        Map<String, String> childNames = new HashMap<>();
        view.cases().forEach(file -> childNames.put(file.caseId(), names.get(file.child())));
        model.addAttribute("childNames", childNames);
        return "household";
    }
}
