package org.caseledger.api.access;

import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;

/**
 * What deciding access to a case needs to know of it.
 *
 * @param protectedIdentity the child or a member of the household has a protected identity (skyddade personuppgifter)
 */
public record CaseAccess(CaseId caseId, String caseNumber, UnitId unit, StaffId assignee, boolean protectedIdentity) {
}
