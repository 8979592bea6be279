/** Test support: reading the stored test vectors, fixed keys and logs built for tests. */
package org.caseledger.verify.support;
