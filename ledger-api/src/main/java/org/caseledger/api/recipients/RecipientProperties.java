package org.caseledger.api.recipients;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The recipients a case file may be exported to (docs/integrity.md, "A case file for a recipient").
 *
 * @param register           the recipients the municipality has agreed to send case files to, each with the public half of
 *                           the key they generated with the auditor's kit ({@code keygen NAME --recipient}) and the days
 *                           it may be used
 * @param acceptSuppliedKeys whether an export may name a recipient's public key in the request instead; off by default,
 *                           so that only a key the municipality registered ever reads a case file
 */
@ConfigurationProperties("ledger.recipients")
public record RecipientProperties(List<Registered> register, boolean acceptSuppliedKeys) {

    public RecipientProperties {
        register = register == null ? List.of() : List.copyOf(register);
    }

    /**
     * One registered recipient.
     *
     * @param id        how a request names it, e.g. {@code ivo}
     * @param name      the recipient's name as the file carries it
     * @param publicKey the X25519 public key, Base64 of its 32 bytes, as {@code keygen} printed it
     * @param validFrom the first day the key may be used
     * @param validTo   the last day, or {@code null} for no end
     */
    public record Registered(String id, String name, String publicKey, LocalDate validFrom, LocalDate validTo) {

        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }
}
