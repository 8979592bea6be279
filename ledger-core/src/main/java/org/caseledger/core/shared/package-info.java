/** Building blocks every feature shares: the envelope, typed ids, roles, ledger rules and time. */
package org.caseledger.core.shared;
