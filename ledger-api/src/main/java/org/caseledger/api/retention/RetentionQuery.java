package org.caseledger.api.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.caseledger.core.shared.LedgerTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which persons' case files the policy says to erase. A child's case files are erased together, once the newest
 * entry in any of them is older than the retention period: the person's data key covers all of them. The last
 * entry is the latest recorded time of any event of the files, read from the stored envelopes, which are never
 * encrypted; intervention kinds are read from the same unencrypted fields.
 */
@Component
class RetentionQuery {

    /** Why a person's files are, or are not, erased. */
    enum Verdict { DUE, RESEARCH_SAMPLE, KEPT_INTERVENTION }

    /** A child's case files under the policy, and the units holding them. */
    record Candidate(UUID personId, List<String> caseNumbers, List<String> units, Instant lastEntry, LocalDate erasableFrom,
                     Verdict verdict) {
    }

    private final JdbcClient jdbc;
    private final RetentionProperties policy;

    RetentionQuery(JdbcClient jdbc, RetentionProperties policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Every child not yet erased whose files' last entry lies further back than the retention period, with the verdict. */
    List<Candidate> candidates(Instant now) {
        LocalDate today = LedgerTime.dayOf(now);
        Instant cutoff = today.minusYears(policy.years()).atStartOfDay(LedgerTime.ZONE).toInstant();
        return jdbc.sql("""
                WITH files AS (
                    SELECT c.child_id, array_agg(DISTINCT c.case_number ORDER BY c.case_number) AS case_numbers,
                           array_agg(DISTINCT c.unit ORDER BY c.unit) AS units,
                           max((convert_from(e.payload, 'UTF8')::jsonb -> 'envelope' ->> 'recordedAt')::timestamptz) AS last_entry,
                           bool_or(convert_from(e.payload, 'UTF8')::jsonb ->> 'interventionType' = ANY(?)
                                   OR (e.payload_type = 'org.caseledger.core.cases.InterventionOffered'
                                       AND convert_from(e.payload, 'UTF8')::jsonb ->> 'type' = ANY(?))) AS kept_kind
                    FROM case_access c JOIN domain_event_entry e ON e.aggregate_identifier = c.case_id::text
                    GROUP BY c.child_id)
                SELECT f.child_id, f.case_numbers, f.last_entry, f.kept_kind, p.birth_day = ANY(?) AS research_sample,
                       -- the units of the child's own files and of every file of the child's household: all hold the child
                       ARRAY(SELECT DISTINCT u FROM unnest(f.units || coalesce((SELECT array_agg(h.unit) FROM case_access h
                                                                               WHERE h.household_id = p.household_id), '{}')) u
                             ORDER BY u) AS units
                FROM files f LEFT JOIN person_access p ON p.person_id = f.child_id
                WHERE f.last_entry < ? AND NOT coalesce(p.erased, false)
                ORDER BY f.last_entry, f.child_id
                """)
                .params(kinds(), kinds(), policy.researchSampleDays().toArray(Integer[]::new), Timestamp.from(cutoff))
                .query((rs, row) -> {
                    Instant lastEntry = rs.getTimestamp("last_entry").toInstant();
                    Verdict verdict = rs.getBoolean("research_sample") ? Verdict.RESEARCH_SAMPLE
                            : rs.getBoolean("kept_kind") ? Verdict.KEPT_INTERVENTION : Verdict.DUE;
                    return new Candidate(rs.getObject("child_id", UUID.class),
                            Arrays.asList((String[]) rs.getArray("case_numbers").getArray()),
                            Arrays.asList((String[]) rs.getArray("units").getArray()), lastEntry,
                            LedgerTime.dayOf(lastEntry).plusYears(policy.years()).plusDays(1), verdict);
                })
                .list();
    }

    private String[] kinds() {
        return policy.keptInterventions().stream().map(Enum::name).toArray(String[]::new);
    }
}
