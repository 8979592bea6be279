/** What an operator watches: figures sampled from the database in the background, for the metrics and the probes. */
package org.caseledger.api.operations;
