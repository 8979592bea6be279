package org.caseledger.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The member of staff behind the current request. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static StaffUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            throw new IllegalStateException("a command was sent without a logged-in member of staff");
        }
        return user;
    }
}
