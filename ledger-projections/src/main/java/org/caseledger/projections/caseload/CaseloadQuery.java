package org.caseledger.projections.caseload;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Caseload from the case view table: an open case counts for the worker it is assigned to now. */
@Component
public class CaseloadQuery {

    private final JdbcClient jdbc;

    public CaseloadQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Caseload forUnit(String unit) {
        List<Caseload.Worker> workers = jdbc.sql("SELECT assignee, count(*) FROM case_view WHERE unit = ? AND status = 'OPEN' "
                        + "AND assignee IS NOT NULL GROUP BY assignee ORDER BY count(*) DESC, assignee")
                .param(unit)
                .query((rs, row) -> new Caseload.Worker(rs.getString(1), rs.getLong(2)))
                .list();
        long unassigned = jdbc.sql("SELECT count(*) FROM case_view WHERE unit = ? AND status = 'OPEN' AND assignee IS NULL")
                .param(unit).query(Long.class).single();
        return Caseload.of(unit, unassigned, workers);
    }
}
