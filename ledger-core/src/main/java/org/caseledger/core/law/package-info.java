/** The law as data: legal bases and delegation of decision rights, each with validity dates. */
package org.caseledger.core.law;
