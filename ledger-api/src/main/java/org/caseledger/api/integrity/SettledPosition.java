package org.caseledger.api.integrity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The highest global position below which no event can still appear. Global positions are handed out as events are
 * inserted, not as they commit, so a later position may be visible before an earlier one that is still to commit or
 * roll back; whoever reads the stream by position and must not skip one (the sealer, the change feed) reads only up to
 * this. It is read after every appending transaction in flight has ended: the append lock is taken exclusively for that
 * moment only, in a transaction of its own.
 */
@Component
public class SettledPosition {

    private static final String NEWEST = "SELECT coalesce(max(global_index), 0) FROM domain_event_entry";

    private final JdbcClient jdbc;
    private final TransactionTemplate settle;

    SettledPosition(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.settle = new TransactionTemplate(transactions);
        this.settle.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public long now() {
        return settle.execute(status -> {
            jdbc.sql(HashingEventAppender.APPEND_LOCK_EXCLUSIVE).query((rs, row) -> 1).list();
            return newest();
        });
    }

    /** The highest position visible now, settled or not: cheap, without the lock, to see whether anything is new. */
    public long newest() {
        return jdbc.sql(NEWEST).query(Long.class).single();
    }
}
