/** Households: who lives with the children, in which relation to them, over time. */
package org.caseledger.core.household;
