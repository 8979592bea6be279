/** Trust policies for auditors (C2SP tlog-policy) and the verification of a cosigned checkpoint against one. */
package org.caseledger.verify.trust;
