/** What every endpoint shares: the command transaction (idempotency, If-Match), envelopes and problem+json errors. */
package org.caseledger.api.web;
