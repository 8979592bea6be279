package org.caseledger.api.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the read-access log as stored and as auditors see it.
 *
 * @param assigned          the reader was the case's assigned case worker
 * @param protectedIdentity the case concerned a person with a protected identity
 */
public record AccessLogEntry(long position, Instant readAt, String staffId, String role, String unit, UUID caseId, UUID personId,
                             String what, String detail, String purpose, String outcome, String caseUnit, boolean assigned,
                             boolean protectedIdentity, String previousHash, String hash) {

    AccessLogEntry withHash(String hash) {
        return new AccessLogEntry(position, readAt, staffId, role, unit, caseId, personId, what, detail, purpose, outcome, caseUnit,
                assigned, protectedIdentity, previousHash, hash);
    }
}
