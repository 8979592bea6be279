package org.caseledger.api.processing;

import org.axonframework.config.ConfigurerModule;
import org.caseledger.projections.readmodels.CaseViewProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the nodes on one database share the read models' processor. Axon's pooled processor claims every segment it
 * can (up to 32,767), so the first node to start would hold them all. Here each node claims at most its share of
 * the segments among the live nodes (rounded up, so that every segment is held) and releases what is above it;
 * the share is asked again at every claim round, so a new node gets segments released to it and a node that died
 * leaves its share to the others. While another node rebuilds the read models, the share is none.
 * <p>
 * A node extends its claims well within the claim timeout, or an idle node's segments would be taken from it by
 * another node whenever the timeout is shorter than Axon's default extension period of five seconds.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessing {

    @Bean
    ConfigurerModule readModelSegmentSharing(LedgerNodes nodes, JdbcClient jdbc) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                CaseViewProjection.PROCESSING_GROUP, (configuration, builder) -> builder
                        .coordinatorExecutor(name -> {
                            CoordinatorExecutor executor = new CoordinatorExecutor(name);
                            configuration.onShutdown(executor::shutdown);
                            return executor;
                        })
                        .maxSegmentProvider(processor -> share(nodes, segments(jdbc, processor)))
                        .claimExtensionThreshold(Math.max(100, nodes.claimTimeout().toMillis() / 3))));
    }

    static int share(LedgerNodes nodes, int segments) {
        if (nodes.anotherRebuilding()) {
            return 0;
        }
        int live = Math.max(1, nodes.live());
        return Math.max(1, (segments + live - 1) / live);
    }

    private static int segments(JdbcClient jdbc, String processor) {
        return jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = ?").param(processor).query(Integer.class).single();
    }
}
