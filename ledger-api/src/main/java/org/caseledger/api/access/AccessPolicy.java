package org.caseledger.api.access;

import java.util.Optional;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.UnitId;

/**
 * Who may read and act on which case. Each guard answers the reason for a refusal, or nothing when allowed:
 * <ul>
 *   <li>auditors read every case and write none;</li>
 *   <li>the administrator manages reference data and staff and reads no case content;</li>
 *   <li>case workers, group leaders and the unit head read and act on the cases of their own unit;</li>
 *   <li>a case whose child or household member has a protected identity is for the assigned case worker, the
 *       unit head and auditors only.</li>
 * </ul>
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Why this member of staff may not read the case, if they may not. */
    public static Optional<String> refusesToRead(StaffUser staff, CaseAccess target) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.empty();
        }
        return refusesCaseWork(staff, target);
    }

    /** Why this member of staff may not act on the case, if they may not. */
    public static Optional<String> refusesToWrite(StaffUser staff, CaseAccess target) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.of("auditors read the ledger and write nothing");
        }
        return refusesCaseWork(staff, target);
    }

    /** Why this member of staff may not export the signed case file, if they may not: it is for review, not case work. */
    public static Optional<String> refusesToExport(StaffUser staff, CaseAccess target) {
        if (staff.role() != Role.AUDITOR && staff.role() != Role.UNIT_HEAD) {
            return Optional.of("the signed case file is exported by auditors and the unit head");
        }
        return refusesToRead(staff, target);
    }

    /** Why this member of staff may not see the figures and lists of a unit, if they may not. */
    public static Optional<String> refusesUnit(StaffUser staff, UnitId unit) {
        if (staff.role() == Role.AUDITOR) {
            return Optional.empty();
        }
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of("the administrator reads no case content");
        }
        if (!staff.unit().equals(unit)) {
            return Optional.of("unit " + unit + " is not your unit");
        }
        return Optional.empty();
    }

    /** Whether a list, search or drill-down shown to this member of staff may name the case. */
    public static boolean mayList(StaffUser staff, CaseAccess target) {
        return refusesToRead(staff, target).isEmpty();
    }

    private static Optional<String> refusesCaseWork(StaffUser staff, CaseAccess target) {
        if (staff.role() == Role.ADMINISTRATOR) {
            return Optional.of("the administrator reads no case content");
        }
        if (!staff.unit().equals(target.unit())) {
            return Optional.of("the case belongs to another unit");
        }
        if (target.protectedIdentity() && !mayHandleProtected(staff, target)) {
            return Optional.of("the case concerns a person with a protected identity: only the assigned case worker, "
                    + "the unit head and auditors have access");
        }
        return Optional.empty();
    }

    private static boolean mayHandleProtected(StaffUser staff, CaseAccess target) {
        return staff.role() == Role.UNIT_HEAD || staff.staffId().equals(target.assignee());
    }
}
