package org.caseledger.api.signin;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Feeds the throttle from what Spring Security publishes once a password has been checked, through HTTP Basic and
 * the form alike: a wrong password (or an unknown name, which Spring reports the same way) counts against the name
 * and the address; a right one clears the name. Other failures, such as the user store being unreachable, say
 * nothing about guessing and are not counted.
 */
class SignInOutcomes {

    private final SignInThrottle throttle;

    SignInOutcomes(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        Authentication attempt = failure.getAuthentication();
        if (attempt instanceof UsernamePasswordAuthenticationToken) {
            String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
            throttle.failed(attempt.getName(), address);
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            throttle.succeeded(signedIn.getName());
        }
    }
}
