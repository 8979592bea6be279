/** Tests of the kit as a whole: its architecture. */
package org.caseledger.verify;
