package org.caseledger.api.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.caseledger.api.config.EventStoreProperties;
import org.caseledger.api.snapshots.SealedSnapshotFilter;
import org.caseledger.api.snapshots.SealingSnapshotAppender;
import org.caseledger.api.snapshots.SnapshotSealer;
import org.caseledger.api.snapshots.SnapshotJson;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.outreach.OutreachActivity;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.projections.caseview.StoredCaseEvents;
import org.caseledger.projections.metrics.StoredOutreachEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Axon's JDBC event storage engine as Spring Boot would build it, but appending through the hash chain, reading the
 * global stream with personal data left sealed ({@link LedgerEventStorageEngine}), and sealing snapshots to the
 * chain: a snapshot is used only while its seal holds, checked before the aggregate's revision.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({IntegrityProperties.class, EventStoreProperties.class})
public class IntegrityConfiguration {

    /**
     * Events read per query, by a processor and when an aggregate is loaded. Axon's default of 100 made a rebuild of
     * a million events ten thousand queries; a gap is still found wherever it falls within the rows read.
     */
    static final int FETCH_SIZE = 1000;

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("defaultAxonObjectMapper") ObjectMapper axonJson,
                                          RevisionResolver revisions,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          StreamSerializer streamSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          EventStoreProperties gaps,
                                          SealingSnapshotAppender sealedSnapshots,
                                          SealedSnapshotFilter sealedSnapshotsOnly,
                                          EventAuthentication authentication,
                                          AppendedEvents appended,
                                          MeterRegistry meters) {
        return new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(SnapshotJson.serializer(axonJson, revisions))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .appendSnapshot(sealedSnapshots)
                .snapshotFilter(sealedSnapshotsOnly.combine(configuration.snapshotFilter()))
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .appendEvents(new HashingEventAppender(authentication::authenticatorOf, appended))
                .gapTimeout(Math.toIntExact(gaps.gapTimeout().toMillis()))
                .maxGapOffset(gaps.maxGapOffset())
                .batchSize(FETCH_SIZE), streamSerializer.serializer(), appendTimer(meters));
    }

    /** Buckets from a few milliseconds to a second: an append is one statement, usually a few milliseconds. */
    private static Timer appendTimer(MeterRegistry meters) {
        return Timer.builder("ledger.append")
                .description("Time to write one command's events to the event store, hash chain and append lock included")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(meters);
    }

    /** The sealer of the case's snapshots, with a key derived from the signing key and used for nothing else. */
    @Bean
    SnapshotSealer snapshotSealer(SigningKey signingKey) {
        return new SnapshotSealer(signingKey.derivedKey(SnapshotSealer.KEY_PURPOSE));
    }

    /** A case's events with personal data sealed, for the read models' processor to fold a view again from. */
    @Bean
    StoredCaseEvents storedCaseEvents(EventStorageEngine engine) {
        if (!(engine instanceof LedgerEventStorageEngine ledger)) {
            throw new IllegalStateException("the event storage engine is not the ledger's: " + engine.getClass().getName());
        }
        return caseId -> ledger.sealedPayloads(caseId.toString()).stream().map(CaseEvent.class::cast).toList();
    }

    /** The outreach activities' events with personal data sealed, for the figures as the ledger knew them at an instant. */
    @Bean
    StoredOutreachEvents storedOutreachEvents(EventStorageEngine engine) {
        if (!(engine instanceof LedgerEventStorageEngine ledger)) {
            throw new IllegalStateException("the event storage engine is not the ledger's: " + engine.getClass().getName());
        }
        return () -> ledger.sealedEventsOfType(OutreachActivity.class.getSimpleName()).stream()
                .map(message -> new StoredOutreachEvents.Stored(message.getSequenceNumber(), (OutreachEvent) message.getPayload())).toList();
    }
}
