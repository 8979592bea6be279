/** The auditor's kit on the command line: replay and recipient keys here, every other command the verifier's. */
package org.caseledger.kit.cli;
