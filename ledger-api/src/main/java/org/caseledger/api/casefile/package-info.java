/** The case file as a document a court or an inspector can file: a PDF of the timeline, the decisions and the integrity evidence. */
package org.caseledger.api.casefile;
