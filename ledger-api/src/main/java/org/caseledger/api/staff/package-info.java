/**
 * The staff registry over HTTP (the administrator enters, moves and ends memberships; staff and auditors read it) and
 * its seeding from the configured users in the users mode.
 */
package org.caseledger.api.staff;
