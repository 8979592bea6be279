package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Members of staff entered in the registry through the API, as an administrator enters them in the oidc mode. */
public final class StaffEntries {

    private StaffEntries() {
    }

    /** Enters the member as working in the unit and role since 2000; an earlier entry of the same id stands. */
    public static void entered(LedgerHttp administrator, String staffId, String role, String unit) {
        LedgerHttp.Response entered = administrator.post("/api/v1/staff", Map.of("staffId", staffId, "name", staffId, "unit", unit,
                "role", role, "activeFrom", "2000-01-01"));
        assertThat(entered.status()).as(entered.toString()).isIn(201, 409);
    }
}
