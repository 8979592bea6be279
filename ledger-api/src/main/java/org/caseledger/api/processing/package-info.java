/** Running the read models on Axon's processor: the code that leans on Axon's internals, each reliance pinned by a test. */
package org.caseledger.api.processing;
