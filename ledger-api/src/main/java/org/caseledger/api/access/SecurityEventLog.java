package org.caseledger.api.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Puts into the access log what Spring Security decides before any controller runs: a sign-in that failed (the
 * name tried and the address it came from) and a request refused because of the caller's role. A refusal of a
 * request without credentials is not logged: there is no one to name, and it is answered 401.
 */
@Component
class SecurityEventLog {

    private final AccessLog log;

    SecurityEventLog(AccessLog log) {
        this.log = log;
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        Authentication attempt = failure.getAuthentication();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        log.record(new AccessLog.Read(AccessLog.Reader.signingIn(nameTried(attempt), address), AccessLog.Touched.NOTHING, "sign-in",
                failure.getException().getClass().getSimpleName(), null, AccessLog.Outcome.SIGN_IN_FAILED));
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> denied) {
        Optional<StaffUser> staff = CurrentStaff.of(denied.getAuthentication().get());
        if (staff.isPresent() && denied.getObject() instanceof HttpServletRequest request) {
            log.record(AccessLog.Read.ofRequest(staff.get(), request.getMethod() + " " + request.getRequestURI(), request.getQueryString(),
                    request.getHeader(AccessLog.PURPOSE_HEADER), AccessLog.Outcome.REFUSED));
        }
    }

    /** Only a name typed at a password sign-in is kept; a bearer token is a credential and never goes to the log. */
    private static String nameTried(Authentication attempt) {
        return attempt instanceof UsernamePasswordAuthenticationToken ? attempt.getName() : "(" + attempt.getClass().getSimpleName() + ")";
    }
}
