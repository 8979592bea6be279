/**
 * The features' way to the event store: a request's commands written to one stream in one transaction
 * ({@code Idempotency-Key}, {@code If-Match}), and a stream's stored events read back in order.
 */
package org.caseledger.api.streams;
