package org.caseledger.api.security;

import java.util.Collection;
import java.util.List;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in member of staff: the login name, and the staff id, role and unit every event records. */
public record StaffUser(String username, String passwordHash, StaffId staffId, Role role, UnitId unit) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Never the password hash: this may end up in a log line. */
    @Override
    public String toString() {
        return "StaffUser[" + username + ", " + staffId + ", " + role + ", " + unit + "]";
    }
}
