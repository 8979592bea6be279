package org.caseledger.projections.caseview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code case_view} table: the view document as JSON, encrypted under the case file's key ({@link ViewEncryption}),
 * plus the columns lists are filtered by, which name no one. A view whose key was destroyed, between an erasure and the
 * fold that follows it, reads as absent.
 */
@Repository
public class CaseViewRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ViewEncryption encryption;

    public CaseViewRepository(JdbcClient jdbc, ProjectionJson json, ViewEncryption encryption) {
        this.jdbc = jdbc;
        this.json = json.mapper();
        this.encryption = encryption;
    }

    public Optional<CaseView> find(CaseId caseId) {
        return jdbc.sql("SELECT case_id, document FROM case_view WHERE case_id = ?")
                .param(caseId.value())
                .query((rs, row) -> read(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional().flatMap(view -> view);
    }

    /** The stored views of these cases, in one query; a case without a view is left out. */
    List<CaseView> findAll(List<CaseId> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT case_id, document FROM case_view WHERE case_id = ANY(?)")
                .param(caseIds.stream().map(CaseId::value).toArray(UUID[]::new))
                .query((rs, row) -> read(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().stream().flatMap(Optional::stream).toList();
    }

    public List<CaseView> findByUnit(String unit, int limit, int offset) {
        return jdbc.sql("SELECT case_id, document FROM case_view WHERE unit = ? ORDER BY case_number LIMIT ? OFFSET ?")
                .params(unit, limit, offset)
                .query((rs, row) -> read(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().stream().flatMap(Optional::stream).toList();
    }

    /** The versions of the stored views of these cases, in one query; a case without a view is left out. */
    java.util.Map<CaseId, Long> versionsOf(List<CaseId> caseIds) {
        java.util.Map<CaseId, Long> versions = new java.util.HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("SELECT case_id::text, version FROM case_view WHERE case_id = ANY(?)")
                    .param(caseIds.stream().map(CaseId::value).toArray(UUID[]::new))
                    .query(rs -> {
                        versions.put(CaseId.of(rs.getString(1)), rs.getLong(2));
                    });
        }
        return versions;
    }

    Optional<Long> versionOf(CaseId caseId) {
        return jdbc.sql("SELECT version FROM case_view WHERE case_id = ?").param(caseId.value()).query(Long.class).optional();
    }

    List<String> caseIdsWithChild(PersonId child) {
        return jdbc.sql("SELECT case_id::text FROM case_view WHERE child_id = ?").param(child.value()).query(String.class).list();
    }

    void saveAll(List<CaseView> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO case_view (case_id, case_number, unit, status, child_id, assignee, version, document)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::bigint[], ?::jsonb[])
                ON CONFLICT (case_id) DO UPDATE SET
                    case_number = EXCLUDED.case_number, unit = EXCLUDED.unit, status = EXCLUDED.status,
                    child_id = EXCLUDED.child_id, assignee = EXCLUDED.assignee, version = EXCLUDED.version,
                    document = EXCLUDED.document
                """)
                .params(column(views, view -> UUID.fromString(view.caseId), UUID[]::new),
                        column(views, view -> view.caseNumber, String[]::new),
                        column(views, view -> view.unit, String[]::new),
                        column(views, view -> view.status, String[]::new),
                        column(views, view -> UUID.fromString(view.child), UUID[]::new),
                        column(views, view -> view.assignee, String[]::new),
                        column(views, view -> view.version, Long[]::new),
                        column(views, this::write, String[]::new))
                .update();
    }

    private static <T> T[] column(List<CaseView> views, Function<CaseView, T> value, IntFunction<T[]> array) {
        return views.stream().map(value).toArray(array);
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE case_view").update();
    }

    private Optional<CaseView> read(UUID caseId, String stored) {
        Optional<String> document = encryption.decrypt(caseId, stored);
        try {
            return document.isEmpty() ? Optional.empty() : Optional.of(json.readValue(document.get(), CaseView.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored case view is not readable", e);
        }
    }

    private String write(CaseView view) {
        try {
            return encryption.encrypt(UUID.fromString(view.caseId), json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case view could not be written as JSON", e);
        }
    }
}
