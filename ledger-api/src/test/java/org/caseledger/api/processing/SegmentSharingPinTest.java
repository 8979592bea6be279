package org.caseledger.api.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.axonframework.springboot.TokenStoreProperties;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pins what the nodes' sharing of the segments relies on ({@link ReadModelProcessing}, {@link LedgerNodes}): the
 * pooled processor asks its maximum of segments by its name at every claim round and lets go of what is above it; an
 * idle processor extends its claims as often as its threshold says; the token store names a claim's owner as
 * {@link LedgerNodes#id()} does; and Axon's processors start after the nodes are counted and stop after the replay.
 */
class SegmentSharingPinTest {

    @Test
    void givenAProcessorHoldingEverySegmentWhenItsShareShrinksThenItReleasesTheSurplusAndWithAShareOfNoneItHoldsNothing() {
        AtomicInteger share = new AtomicInteger(4);
        List<String> askedFor = new CopyOnWriteArrayList<>();
        try (InMemoryAxon axon = new InMemoryAxon(builder -> builder.initialSegmentCount(4).tokenClaimInterval(100)
                .claimExtensionThreshold(300)
                .maxSegmentProvider(processor -> {
                    askedFor.add(processor);
                    return share.get();
                }))) {
            axon.processor.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> axon.processor.processingStatus().size() == 4);

            share.set(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> axon.processor.processingStatus().size() == 1);

            share.set(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> axon.processor.processingStatus().isEmpty());
            assertThat(askedFor).containsOnly(InMemoryAxon.PROCESSOR);
        }
    }

    /** Counts the claims extended. */
    private static final class ExtensionCounter extends InMemoryTokenStore {

        final AtomicInteger extended = new AtomicInteger();

        @Override
        public void extendClaim(String processorName, int segment) {
            extended.incrementAndGet();
        }
    }

    @Test
    void givenAnIdleProcessorWhoseClaimExtensionThresholdIsShortWhenItWaitsThenItExtendsItsClaimsThatOften() {
        ExtensionCounter tokenStore = new ExtensionCounter();
        try (InMemoryAxon axon = new InMemoryAxon(tokenStore, builder -> builder.initialSegmentCount(1).claimExtensionThreshold(200))) {
            axon.processor.start();
            axon.append(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> axon.recorder.handled.size() == 1);
            int before = tokenStore.extended.get();

            // Axon's default would extend once in five seconds: none in the two waited here.
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);

            assertThat(tokenStore.extended.get() - before).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void givenAJdbcTokenStoreBuiltAsAxonsAutoConfigurationBuildsItThenTheOwnerItWritesIsTheNodeIdTheNodesCountBy() throws Exception {
        JdbcTokenStore tokenStore = JdbcTokenStore.builder()
                .connectionProvider(() -> {
                    throw new SQLException("no database in this test");
                })
                .serializer(JacksonSerializer.defaultSerializer())
                .build();

        Field nodeId = JdbcTokenStore.class.getDeclaredField("nodeId");
        nodeId.setAccessible(true);

        assertThat(nodeId.get(tokenStore)).isEqualTo(ManagementFactory.getRuntimeMXBean().getName());
    }

    @Test
    void givenTheSpringLifecycleThenAxonStartsAfterTheNodesAreCountedAndStopsAfterTheReplayHasStopped() {
        int axon = new SpringAxonConfiguration(DefaultConfigurer.defaultConfiguration()).getPhase();
        LedgerNodes ledgerNodes = new LedgerNodes(mock(JdbcClient.class), new TokenStoreProperties(), new SimpleMeterRegistry());
        int nodes = ledgerNodes.getPhase();
        int replay = new ReadModelReplay(mock(EventStorageEngine.class), new InMemoryTokenStore(), NoTransactionManager.INSTANCE,
                ledgerNodes).getPhase();

        // Spring starts the lower phases first and stops the higher phases first.
        assertThat(axon).isGreaterThan(nodes).isLessThan(replay);
    }
}
