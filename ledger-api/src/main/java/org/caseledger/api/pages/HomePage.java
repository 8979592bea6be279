package org.caseledger.api.pages;

import org.caseledger.api.security.CurrentStaff;
import org.caseledger.core.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in, and where a member of staff lands after it: the unit head on the dashboard, everyone else on the cases. */
@Controller
@Page
class HomePage {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping({"/", "/ui"})
    String home() {
        Role role = CurrentStaff.get().role();
        return role == Role.UNIT_HEAD || role == Role.ADMINISTRATOR ? "redirect:/ui/dashboard" : "redirect:/ui/cases";
    }
}
