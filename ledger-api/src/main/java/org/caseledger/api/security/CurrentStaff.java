package org.caseledger.api.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The member of staff behind the current request: the principal of a password sign-in or of a bearer token, or the
 * member of staff a sign-in to the pages through the identity provider made ({@link IdentityProviderStaff}).
 */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static StaffUser get() {
        return of(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new IllegalStateException("a command was sent without a logged-in member of staff"));
    }

    /** The member of staff an authentication names, if it names one. */
    public static Optional<StaffUser> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof StaffUser staff) {
            return Optional.of(staff);
        }
        if (authentication.getPrincipal() instanceof IdentityProviderStaff signedIn) {
            return Optional.of(signedIn.staff());
        }
        return Optional.empty();
    }
}
