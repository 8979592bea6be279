/** A strict, bounded JSON reader and the one writer of the case file's outer form: no library, nothing lenient. */
package org.caseledger.verify.json;
