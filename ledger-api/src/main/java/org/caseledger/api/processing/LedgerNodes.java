package org.caseledger.api.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger nodes running on this database. Axon's JDBC token store knows which node holds a segment, but not
 * which nodes exist: a node that holds nothing is invisible in it. So every node notes itself in {@code ledger_node}
 * several times per token claim timeout, and counts the nodes seen within one timeout; the segments of the read
 * models are shared by that count. A node that stops (or is killed) drops out of the count after the same timeout
 * after which its claims expire, so the others take its share and its segments at the same moment; its row is removed
 * a few timeouts later.
 * <p>
 * A node rebuilding the read models marks itself; while the mark lasts, the other nodes hold no segment, so that
 * the rebuilding node can reset every segment's token.
 */
@Component
public class LedgerNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerNodes.class);

    /** After how many claim timeouts without a beat a node's row is removed. */
    static final int FORGOTTEN_AFTER = 3;

    /** What the last look at the table found. */
    private record Seen(int live, boolean anotherRebuilding) {
    }

    private final JdbcClient jdbc;
    private final String id;
    private final Duration claimTimeout;
    private volatile Seen seen = new Seen(1, false);
    private volatile boolean failing;
    private ScheduledExecutorService heartbeat;

    public LedgerNodes(JdbcClient jdbc, TokenStoreProperties tokenStore, MeterRegistry meters) {
        this.jdbc = jdbc;
        // The name Axon's JDBC token store writes as the owner of the segments this node claims.
        this.id = ManagementFactory.getRuntimeMXBean().getName();
        this.claimTimeout = tokenStore.getClaimTimeout();
        Gauge.builder("ledger.nodes.live", this, LedgerNodes::live)
                .description("Ledger nodes seen on this database within the token claim timeout, this one included").register(meters);
    }

    /** This node, as the token store names it in the {@code owner} column. */
    public String id() {
        return id;
    }

    /** The nodes seen within the claim timeout, this one included. */
    public int live() {
        return seen.live();
    }

    /** Whether another live node is rebuilding the read models, and this one must leave every segment to it. */
    public boolean anotherRebuilding() {
        return seen.anotherRebuilding();
    }

    /** How often a node notes itself: several times per claim timeout, so that one late beat does not count it dead. */
    public Duration interval() {
        return claimTimeout.dividedBy(4);
    }

    public Duration claimTimeout() {
        return claimTimeout;
    }

    /**
     * Marks this node as rebuilding for at most {@code atMost}: a node that dies during a rebuild must not keep the
     * others from their segments for longer than that.
     */
    public void markRebuilding(Duration atMost) {
        jdbc.sql("UPDATE ledger_node SET rebuilding_until = now() + ? * interval '1 millisecond' WHERE node_id = ?")
                .params(atMost.toMillis(), id).update();
    }

    public void unmarkRebuilding() {
        jdbc.sql("UPDATE ledger_node SET rebuilding_until = NULL WHERE node_id = ?").param(id).update();
    }

    /** Notes this node as alive and reads how many are. */
    void beat() {
        long timeout = claimTimeout.toMillis();
        jdbc.sql("INSERT INTO ledger_node (node_id, seen_at) VALUES (?, now()) ON CONFLICT (node_id) DO UPDATE SET seen_at = now()")
                .param(id).update();
        // A node not seen for FORGOTTEN_AFTER claim timeouts is gone (killed, or restarted under another process id): it
        // counts for nothing since one timeout, and its row would only mislead whoever reads the table.
        jdbc.sql("DELETE FROM ledger_node WHERE seen_at < now() - ? * interval '1 millisecond'").param(timeout * FORGOTTEN_AFTER).update();
        seen = jdbc.sql("""
                        SELECT count(*), coalesce(bool_or(rebuilding_until > now() AND node_id <> ?), false) FROM ledger_node
                        WHERE seen_at > now() - ? * interval '1 millisecond' OR node_id = ?
                        """)
                .params(id, timeout, id)
                .query((rs, row) -> new Seen(Math.max(1, rs.getInt(1)), rs.getBoolean(2)))
                .single();
    }

    private void beatSafely() {
        try {
            beat();
            if (failing) {
                log.info("Node {} noted in ledger_node again", id);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Node {} could not note itself in ledger_node; the other nodes will count it gone after {}: {}",
                        id, claimTimeout, e.getMessage());
                failing = true;
            }
        }
    }

    /** Runs before the event processors start (phase 0, theirs is higher), so their first claim already knows the nodes. */
    @Override
    public synchronized void start() {
        beatSafely();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, interval().toMillis());
        heartbeat.scheduleWithFixedDelay(this::beatSafely, every, every, TimeUnit.MILLISECONDS);
        log.info("Node {} shares the read models with the nodes seen within {}: {} now", id, claimTimeout, live());
    }

    /** Runs after the event processors have stopped and released their claims; the others need not wait for the timeout. */
    @Override
    public synchronized void stop() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdownNow();
        heartbeat = null;
        try {
            jdbc.sql("DELETE FROM ledger_node WHERE node_id = ?").param(id).update();
        } catch (RuntimeException e) {
            log.warn("Node {} could not remove itself from ledger_node; the others will count it gone after {}", id, claimTimeout);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeat != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
