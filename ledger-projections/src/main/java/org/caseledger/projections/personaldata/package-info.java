/**
 * Personal fields as events store them — {@code pd1:<key id>:<AES-256-GCM>}, bound to their event type and field — and
 * how they are opened: shared by the ledger and the auditor's kit (docs/privacy.md, "Crypto-shredding").
 */
package org.caseledger.projections.personaldata;
