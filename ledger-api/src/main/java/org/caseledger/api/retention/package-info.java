/**
 * Retention (gallring): a case file is erased a configured number of years after its last entry, unless the
 * child belongs to the national research sample or the file holds a kind of intervention the configuration
 * keeps. Erasure is crypto-shredding: keys are destroyed, rows never.
 */
package org.caseledger.api.retention;
