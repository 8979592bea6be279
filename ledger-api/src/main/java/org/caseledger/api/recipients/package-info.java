/**
 * The case file exported to a named recipient (the supervising authority, the municipality's auditors, a court): the
 * register of recipients and their public keys, and the export that seals the case's data keys for one of them.
 */
package org.caseledger.api.recipients;
