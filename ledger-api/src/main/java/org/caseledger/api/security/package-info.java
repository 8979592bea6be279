/** Who is calling: configured users or an identity provider's tokens, roles, and the acting member of staff for the envelope. */
package org.caseledger.api.security;
