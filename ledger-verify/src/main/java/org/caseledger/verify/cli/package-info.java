/** The runnable jar: keygen, checkpoint verification against a trust policy, and a witness server. */
package org.caseledger.verify.cli;
