/**
 * The staff registry: who works in which unit and role, from when to when. Managed by the administrator, recorded as
 * events like every other fact, so that an auditor can see who could act for a unit on any day.
 */
package org.caseledger.core.staff;
