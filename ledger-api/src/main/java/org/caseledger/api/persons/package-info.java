/** REST resources of persons: registration and erasure. */
package org.caseledger.api.persons;
