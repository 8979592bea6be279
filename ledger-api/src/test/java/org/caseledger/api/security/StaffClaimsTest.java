package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class StaffClaimsTest {

    private static final StaffClaims DEFAULT_CLAIMS = new StaffClaims(new LedgerSecurityProperties.Oidc(null, null, null, null, null, null, null));

    @Test
    void theDefaultClaimsMakeTheMemberOfStaffThatIsThePrincipal() {
        AbstractAuthenticationToken authentication = DEFAULT_CLAIMS.convert(token(Map.of(
                "preferred_username", "maja.berg", "ledger_role", "GROUP_LEADER", "ledger_unit", "vivalla")));

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getPrincipal()).isEqualTo(
                new StaffUser("maja.berg", null, StaffId.of("maja.berg"), Role.GROUP_LEADER, UnitId.of("vivalla")));
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_GROUP_LEADER");
    }

    @Test
    void configuredClaimNamesAreRead() {
        StaffClaims claims = new StaffClaims(new LedgerSecurityProperties.Oidc("staff_id", "roles", "unit", null, null, null, null));

        StaffUser staff = claims.staffOf(token(Map.of("staff_id", "maja.berg", "roles", List.of("AUDITOR"), "unit", "supervision")));

        assertThat(staff.role()).isEqualTo(Role.AUDITOR);
        assertThat(staff.unit()).isEqualTo(UnitId.of("supervision"));
    }

    @Test
    void withARoleMappingTheIdentityProvidersGroupsBecomeTheRoleAndTheLedgersOwnNamesCountForNothing() {
        StaffClaims claims = new StaffClaims(new LedgerSecurityProperties.Oidc(null, "groups", null, Map.of(
                "/social-services/vivalla/case-workers", Role.SOCIAL_SECRETARY,
                "6f1c2a4e-0000-4000-8000-000000000001", Role.SOCIAL_SECRETARY), null, null, null));

        StaffUser staff = claims.staffOf(token(Map.of("preferred_username", "maja.berg", "ledger_unit", "vivalla",
                "groups", List.of("/all-staff", "/social-services/vivalla/case-workers", "6f1c2a4e-0000-4000-8000-000000000001"))));

        assertThat(staff.role()).isEqualTo(Role.SOCIAL_SECRETARY);
        assertRefused(claims, Map.of("preferred_username", "maja.berg", "ledger_unit", "vivalla", "groups", List.of("AUDITOR")));
    }

    @Test
    void aTokenNamingNoLedgerRoleIsRefused() {
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "maja.berg", "ledger_unit", "vivalla"));
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "maja.berg", "ledger_unit", "vivalla", "ledger_role", "social_secretary"));
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "maja.berg", "ledger_unit", "vivalla", "ledger_role", List.of()));
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "maja.berg", "ledger_unit", "vivalla", "ledger_role", 3));
    }

    @Test
    void aTokenNamingSeveralLedgerRolesIsRefused() {
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "maja.berg", "ledger_unit", "vivalla",
                "ledger_role", List.of("GROUP_LEADER", "UNIT_HEAD")));
    }

    @Test
    void aTokenWithoutAWellFormedStaffIdOrUnitIsRefused() {
        assertRefused(DEFAULT_CLAIMS, Map.of("ledger_role", "UNIT_HEAD", "ledger_unit", "vivalla"));
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "Maja.Berg@orebro.se", "ledger_role", "UNIT_HEAD", "ledger_unit", "vivalla"));
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "maja.berg", "ledger_role", "UNIT_HEAD"));
        assertRefused(DEFAULT_CLAIMS, Map.of("preferred_username", "maja.berg", "ledger_role", "UNIT_HEAD", "ledger_unit", List.of("vivalla")));
    }

    private static void assertRefused(StaffClaims claims, Map<String, Object> tokenClaims) {
        assertThatThrownBy(() -> claims.convert(token(tokenClaims)))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("the token does not name a member of staff");
    }

    private static Jwt token(Map<String, Object> claims) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("a.b.c").header("alg", "RS256").subject("f3b9c1d2").issuedAt(now).expiresAt(now.plusSeconds(300))
                .claims(all -> all.putAll(claims)).build();
    }
}
