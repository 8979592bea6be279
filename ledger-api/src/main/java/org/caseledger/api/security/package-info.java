/** Who is calling: users and roles from configuration, and the acting member of staff for the envelope. */
package org.caseledger.api.security;
