/**
 * The HTTP plumbing every endpoint shares: a request's command context and envelopes, versions as ETags, paging,
 * strict JSON reading and problem+json errors.
 */
package org.caseledger.api.web;
