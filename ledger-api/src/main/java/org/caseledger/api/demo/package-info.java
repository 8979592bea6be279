/** A seeded, reproducible history of a district office, generated through the real commands, for demos and benchmarks. */
package org.caseledger.api.demo;
