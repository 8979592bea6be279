package org.caseledger.api.staff;

import org.caseledger.core.shared.StaffId;

/** A name for a member of staff known only by id, as the configuration and the demo know them: "anna.lind" reads "Anna Lind". */
public final class StaffNames {

    private StaffNames() {
    }

    public static String fromId(StaffId staff) {
        StringBuilder name = new StringBuilder();
        for (String part : staff.value().split("[._-]")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
