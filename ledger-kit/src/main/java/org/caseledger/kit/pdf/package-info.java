/**
 * The printed case file checked: its PAdES signature by the ledger's key over the whole file, the signed case file
 * attached inside it, and its printed timeline against what the attached file's events say.
 */
package org.caseledger.kit.pdf;
