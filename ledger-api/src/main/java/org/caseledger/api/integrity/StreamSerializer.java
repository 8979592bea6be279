package org.caseledger.api.integrity;

import org.axonframework.serialization.Serializer;

/**
 * The serializer the global event stream is read with ({@link LedgerEventStorageEngine}). A type of its own rather than
 * a second {@link Serializer} bean, which would make Axon's configuration find no single serializer to use.
 */
public record StreamSerializer(Serializer serializer) {
}
