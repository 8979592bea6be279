/** The case (ärende) of one child: its commands, events and the aggregate that enforces the hard rules. */
package org.caseledger.core.cases;
