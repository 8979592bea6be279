package org.caseledger.api.security;

import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in to the pages through the identity provider: the {@link StaffUser} the sign-in's access
 * token names, read by the API's own {@link StaffClaims}, and the ID token, which ends the session at the provider on
 * sign-out. Spring's sign-in keeps an OIDC user as the principal; {@link CurrentStaff} finds the member of staff in it.
 */
final class IdentityProviderStaff extends DefaultOidcUser {

    private final StaffUser staff;

    IdentityProviderStaff(StaffUser staff, OidcIdToken idToken) {
        super(staff.getAuthorities(), idToken, IdTokenClaimNames.SUB);
        this.staff = staff;
    }

    StaffUser staff() {
        return staff;
    }

    /** The staff id, as a password sign-in names its user: the provider's subject is no name anyone here knows. */
    @Override
    public String getName() {
        return staff.staffId().value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityProviderStaff signedIn && super.equals(other) && staff.equals(signedIn.staff);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + staff.hashCode();
    }

    /** Never the tokens: this may end up in a log line. */
    @Override
    public String toString() {
        return "IdentityProviderStaff[" + staff + "]";
    }
}
