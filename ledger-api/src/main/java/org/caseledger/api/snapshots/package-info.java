/** Snapshots of a case's state: a cache that spares a long case the reading of its whole history, never the record. */
package org.caseledger.api.snapshots;
