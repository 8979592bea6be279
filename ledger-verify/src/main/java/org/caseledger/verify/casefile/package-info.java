/** The case file of format 2 (docs/integrity.md, "The case file"): its signed bytes, and its verification with no database and no network. */
package org.caseledger.verify.casefile;
