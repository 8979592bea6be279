package org.caseledger.projections.caseview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.caseledger.core.cases.CaseId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code case_view} table: the view document as JSON, its personal texts sealed as the events hold them, plus the
 * columns lists are filtered by, which name no one. The views a fold reads and writes stay sealed; a view answered to
 * someone has its texts opened ({@link PersonalText}), and after an erasure they read as erased.
 */
@Repository
public class CaseViewRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final PersonalText personalText;

    public CaseViewRepository(JdbcClient jdbc, ProjectionJson json, PersonalText personalText) {
        this.jdbc = jdbc;
        this.json = json.mapper();
        this.personalText = personalText;
    }

    /** The case's view as answered: its personal texts opened. */
    public Optional<CaseView> find(CaseId caseId) {
        return document(caseId).map(this::opened);
    }

    public List<CaseView> findByUnit(String unit, int limit, int offset) {
        return jdbc.sql("SELECT document FROM case_view WHERE unit = ? ORDER BY case_number LIMIT ? OFFSET ?")
                .params(unit, limit, offset)
                .query((rs, row) -> opened(rs.getString(1)))
                .list();
    }

    /** The case's view as stored, sealed: for a fold. */
    public Optional<CaseView> stored(CaseId caseId) {
        return document(caseId).map(this::read);
    }

    private Optional<String> document(CaseId caseId) {
        return jdbc.sql("SELECT document FROM case_view WHERE case_id = ?").param(caseId.value()).query(String.class).optional();
    }

    /** The stored views of these cases, sealed, in one query; a case without a view is left out. */
    public List<CaseView> findAll(List<CaseId> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT document FROM case_view WHERE case_id = ANY(?)")
                .param(caseIds.stream().map(CaseId::value).toArray(UUID[]::new))
                .query((rs, row) -> read(rs.getString(1)))
                .list();
    }

    public void saveAll(List<CaseView> views) {
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

    public void deleteAll() {
        jdbc.sql("TRUNCATE case_view").update();
    }

    private CaseView read(String document) {
        try {
            return json.readValue(document, CaseView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored case view is not readable", e);
        }
    }

    /** The view with every text in it opened: the texts that are sealed are the personal ones, wherever they are. */
    private CaseView opened(String document) {
        try {
            return opened(json.readTree(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored case view is not readable", e);
        }
    }

    private CaseView opened(JsonNode document) {
        open(document);
        return json.convertValue(document, CaseView.class);
    }

    private void open(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (member.getValue().isTextual()) {
                    member.setValue(TextNode.valueOf(personalText.open(member.getValue().asText())));
                } else {
                    open(member.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(personalText.open(array.get(i).asText())));
                } else {
                    open(array.get(i));
                }
            }
        }
    }

    private String write(CaseView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case view could not be written as JSON", e);
        }
    }
}
