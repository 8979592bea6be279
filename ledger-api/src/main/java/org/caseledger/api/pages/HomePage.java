package org.caseledger.api.pages;

import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.IdentityProviderSignIn;
import org.caseledger.api.security.LedgerSecurityProperties;
import org.caseledger.core.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, and where a member of staff lands after it: the unit head on the dashboard, everyone else on the cases. */
@Controller
@Page
class HomePage {

    private final boolean identityProvider;

    HomePage(LedgerSecurityProperties security) {
        this.identityProvider = security.mode() == LedgerSecurityProperties.Mode.OIDC;
    }

    /**
     * After a sign-in refused while locked, {@code locked} says in how many minutes to try again (SignInGuard). Through
     * the identity provider there is no form: a link starts the sign-in there, and {@code refused}, {@code unavailable}
     * or {@code failed} say why the last one did not end signed in.
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String locked, Model model) {
        if (locked != null && locked.matches("[1-9][0-9]{0,2}")) {
            model.addAttribute("lockedMinutes", Integer.parseInt(locked));
        }
        if (identityProvider) {
            model.addAttribute("signInAt", IdentityProviderSignIn.START);
        }
        return "login";
    }

    @GetMapping({"/", "/ui"})
    String home() {
        Role role = CurrentStaff.get().role();
        return role == Role.UNIT_HEAD || role == Role.ADMINISTRATOR ? "redirect:/ui/dashboard" : "redirect:/ui/cases";
    }
}
