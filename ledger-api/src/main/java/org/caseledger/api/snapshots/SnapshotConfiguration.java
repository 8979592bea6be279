package org.caseledger.api.snapshots;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.caseledger.core.cases.Case;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The snapshotter. Axon's default one finds the aggregate factories among the Spring beans, and the aggregates here
 * are registered through the configurer instead, so it would only log a warning and never write a snapshot; this one
 * is told the factory of the one aggregate that is snapshotted, and writes on its own thread.
 * <p>
 * Only the case is snapshotted. A person's stream is its registration and perhaps its erasure, and an outreach
 * activity's is one event: there is nothing to spare, and a person's snapshot would be one more copy to erase.
 * <p>
 * Snapshots are sealed to the chain when written and used only while the seal holds (ADR 0009). The sealer, whose key
 * is derived from the signing key, is declared with the storage engine that seals them (IntegrityConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
public class SnapshotConfiguration {

    @Bean
    SealingSnapshotAppender sealingSnapshotAppender(SnapshotSealer sealer) {
        return new SealingSnapshotAppender(sealer);
    }

    @Bean
    SealedSnapshotFilter sealedSnapshotFilter(SnapshotSealer sealer, JdbcClient jdbc, EventSchema schema) {
        return new SealedSnapshotFilter(sealer, ChainHashes.stored(jdbc, schema));
    }

    @Bean
    SnapshotWriter snapshotWriter() {
        return new SnapshotWriter();
    }

    @Bean
    Snapshotter snapshotter(org.axonframework.config.Configuration configuration, EventStore eventStore,
                            TransactionManager transactionManager, ParameterResolverFactory parameterResolvers,
                            HandlerDefinition handlerDefinition, SnapshotterSpanFactory spans, SnapshotWriter writer) {
        // Inspected with the application's resolvers: some of the case's command handlers take the law, a Spring bean.
        GenericAggregateFactory<Case> cases = new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Case.class, parameterResolvers, handlerDefinition));
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(cases)
                .repositoryProvider(configuration::repository)
                .parameterResolverFactory(parameterResolvers)
                .handlerDefinition(handlerDefinition)
                .transactionManager(transactionManager)
                .spanFactory(spans)
                .executor(writer.executor())
                .build();
    }
}
