/**
 * Who is calling: configured users or an identity provider's tokens (bearer tokens for the API, its sign-in for the
 * pages), roles, and the acting member of staff for the envelope.
 */
package org.caseledger.api.security;
