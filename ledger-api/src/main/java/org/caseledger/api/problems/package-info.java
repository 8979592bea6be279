/**
 * Error answers as RFC 9457 problems an integrator can act on: the kinds of problem, their wording in the reader's
 * language, and the page behind every problem type.
 */
package org.caseledger.api.problems;
