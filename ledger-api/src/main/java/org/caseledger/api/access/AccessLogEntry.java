package org.caseledger.api.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the read-access log as stored and as auditors see it.
 *
 * @param format            the hash form of the entry: 1 before addresses were logged, 2 since
 * @param role              the reader's role; absent for a sign-in attempt, where no one is signed in yet
 * @param address           the network address the request came from (absent in format 1)
 * @param purpose           the purpose stated in {@code X-Purpose}: stored encrypted (and so hashed), answered decrypted
 * @param caseUnit          the unit holding the case or person read (see {@link AccessLog.Touched})
 * @param assigned          the reader was the case's assigned case worker
 * @param protectedIdentity the case or person concerned a person with a protected identity
 */
public record AccessLogEntry(long position, int format, Instant readAt, String staffId, String role, String unit, String address,
                             UUID caseId, UUID personId, String what, String detail, String purpose, String outcome, String caseUnit,
                             boolean assigned, boolean protectedIdentity, String previousHash, String hash) {

    AccessLogEntry withPurpose(String purpose) {
        return new AccessLogEntry(position, format, readAt, staffId, role, unit, address, caseId, personId, what, detail, purpose,
                outcome, caseUnit, assigned, protectedIdentity, previousHash, hash);
    }

    AccessLogEntry withHash(String hash) {
        return new AccessLogEntry(position, format, readAt, staffId, role, unit, address, caseId, personId, what, detail, purpose,
                outcome, caseUnit, assigned, protectedIdentity, previousHash, hash);
    }
}
