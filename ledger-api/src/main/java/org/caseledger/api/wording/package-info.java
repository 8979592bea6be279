/**
 * The ledger's facts in a reader's words: event sentences, codes, legal bases as a lawyer cites them and times in
 * Swedish local time, all from the message bundles, for the pages, the API's timeline and the printed case file.
 */
package org.caseledger.api.wording;
