package org.caseledger.core.law;

import java.util.Set;
import org.caseledger.core.shared.Require;

/**
 * One provision a decision or a disclosure can rest on.
 *
 * @param id                the stable id cited in events
 * @param act               the statute, e.g. {@code SFS 2025:400}
 * @param provision         the chapter and section, e.g. {@code 20 kap. 2 §}
 * @param title             what the provision is about, in plain words
 * @param validity          the days the provision is in force
 * @param decisionKinds     the kinds of decision that may cite it
 * @param permitsDisclosure whether it allows disclosing information to a partner without consent
 * @param appealable        whether a decision resting on it can be appealed (and so needs appeal information)
 */
public record LegalBasis(
        LegalBasisId id,
        String act,
        String provision,
        String title,
        Validity validity,
        Set<DecisionKind> decisionKinds,
        boolean permitsDisclosure,
        boolean appealable) {

    public LegalBasis {
        Require.present(id, "id");
        Require.text(act, "act", 100);
        Require.text(provision, "provision", 100);
        Require.text(title, "title", 300);
        Require.present(validity, "validity");
        decisionKinds = decisionKinds == null ? Set.of() : Set.copyOf(decisionKinds);
    }

    /** The basis as the ledger's own messages (logs, exceptions) name it; a person reads the bundles' citation instead. */
    public String cited() {
        return id + " (" + act + " " + provision + ")";
    }
}
