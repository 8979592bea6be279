/** Reading events stored in an older shape: one upcaster per change of an event's shape (docs/schema-evolution.md). */
package org.caseledger.projections.upcasting;
