/**
 * The benchmark harness of issue-level figures (append, hot cases, rebuild, time travel, verify, REST under load),
 * each against a physical reference measured in the same run; run by the {@code bench} profile, never by {@code verify}.
 */
package org.caseledger.api.bench;
