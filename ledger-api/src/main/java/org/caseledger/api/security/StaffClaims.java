package org.caseledger.api.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified access token into the member of staff the rest of the ledger knows, a {@link StaffUser}, so that
 * the envelope of every event and the case access guard work as they do with configured users.
 *
 * <p>A token that does not name a well-formed staff id, exactly one ledger role and a unit is refused as an invalid
 * token, a 401 like an expired or forged one, rather than a 403: the ledger authenticates members of staff, not
 * accounts of the identity provider, and without a role and a unit there is no member of staff to record on an
 * event or to decide access for. The caller is not told which claim was wrong; the log is.
 */
final class StaffClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger LOG = LoggerFactory.getLogger(StaffClaims.class);

    private final LedgerSecurityProperties.Oidc claims;

    StaffClaims(LedgerSecurityProperties.Oidc claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        StaffUser staff = staffOf(token);
        return new JwtAuthenticationToken(token, staff, staff.getAuthorities());
    }

    StaffUser staffOf(Jwt token) {
        String staffId = text(token, claims.staffIdClaim());
        Role role = singleRole(token);
        String unit = text(token, claims.unitClaim());
        try {
            return new StaffUser(staffId, null, StaffId.of(staffId), role, UnitId.of(unit));
        } catch (InvalidValueException malformed) {
            throw refused(token, malformed.getMessage());
        }
    }

    private String text(Jwt token, String claim) {
        if (token.getClaims().get(claim) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw refused(token, "it has no text claim " + claim);
    }

    private Role singleRole(Jwt token) {
        Object claim = token.getClaims().get(claims.roleClaim());
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        // A groups or roles claim of the identity provider carries much besides the ledger's role; that is ignored.
        Set<Role> roles = values.stream()
                .filter(String.class::isInstance)
                .map(value -> roleOf((String) value))
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (roles.isEmpty()) {
            throw refused(token, "its claim " + claims.roleClaim() + " names no ledger role");
        }
        if (roles.size() > 1) {
            throw refused(token, "its claim " + claims.roleClaim() + " names several ledger roles " + roles
                    + ", and every event records the one role its author acted in");
        }
        return roles.iterator().next();
    }

    /** With a role mapping, only mapped values count: an identity provider's group that happens to be named AUDITOR grants nothing. */
    private Optional<Role> roleOf(String value) {
        if (!claims.roleMapping().isEmpty()) {
            return Optional.ofNullable(claims.roleMapping().get(value));
        }
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(value)).findFirst();
    }

    /** The subject, not the token or its claims' values, goes to the log: they may be personal data. */
    private static InvalidBearerTokenException refused(Jwt token, String reason) {
        LOG.warn("a token for subject {} was refused: {}", token.getSubject(), reason);
        return new InvalidBearerTokenException("the token does not name a member of staff");
    }
}
