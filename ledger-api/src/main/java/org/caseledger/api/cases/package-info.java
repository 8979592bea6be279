/** REST resources of a case: opening it, every kind of fact as a sub-resource, the case view and its history. */
package org.caseledger.api.cases;
