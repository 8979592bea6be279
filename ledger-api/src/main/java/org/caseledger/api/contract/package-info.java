/**
 * The integration API's contract: the OpenAPI document the ledger serves, as an integrator reads it (docs/openapi.json).
 */
package org.caseledger.api.contract;
