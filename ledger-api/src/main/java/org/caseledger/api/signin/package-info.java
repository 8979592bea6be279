/**
 * Sign-in that resists password guessing: failures counted per account and per client address, attempts refused
 * while either is locked before any password is checked, and the administrator's view and release of the locks.
 */
package org.caseledger.api.signin;
