package org.caseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.caseledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A node that stopped beating is counted out after one claim timeout and forgotten a few timeouts later. */
class LedgerNodesIT extends IntegrationTest {

    @Autowired
    private LedgerNodes nodes;

    @Test
    void givenANodeLastSeenMinutesAgoWhenTheLiveNodesBeatThenItsRowIsRemovedAndItIsNotCounted() {
        String gone = "4242@gone-" + System.nanoTime();
        jdbc.sql("INSERT INTO ledger_node (node_id, seen_at) VALUES (?, now() - interval '5 minutes')").param(gone).update();

        await().atMost(nodes.interval().multipliedBy(4).plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT count(*) FROM ledger_node WHERE node_id = ?").param(gone).query(Long.class).single() == 0);

        assertThat(nodes.live()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT node_id FROM ledger_node").query(String.class).list()).containsExactly(nodes.id());
    }
}
