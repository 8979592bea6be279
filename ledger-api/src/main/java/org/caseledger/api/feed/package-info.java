/**
 * The change feed: the case files' events in the order the ledger stored them, for another system to follow.
 */
package org.caseledger.api.feed;
