package org.caseledger.projections.wording;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseledger.core.law.LegalBasis;
import org.caseledger.core.law.LegalBasisId;
import org.caseledger.core.law.LegalFramework;

/**
 * A legal basis as a lawyer cites it: {@code 20 kap. 2 § socialtjänstlagen (2025:400)}, or in English
 * {@code Chapter 20, Section 2 of the Social Services Act (2025:400)}, then what the provision is about. The chapter,
 * section and act number come from the law catalogue ({@code ledger.law}); the act's name and the words around them
 * from the bundles ({@code law.*}). The title is the catalogue's own, which is Swedish; another language takes it from
 * {@code law.title.<id>}. A provision the catalogue spells another way is printed as the catalogue spells it.
 */
final class LawWords {

    private static final Pattern PROVISION = Pattern.compile("(\\d+) kap\\. (\\d+(?: [a-z])?) §");
    private static final Pattern ACT = Pattern.compile("SFS (\\d{4}:\\d+)");

    private LawWords() {
    }

    static String of(LegalBasisId id, LegalFramework law, Words words) {
        Optional<LegalBasis> basis = law.find(id);
        if (basis.isEmpty()) {
            return words.text("law.notInCatalogue", id.value());
        }
        return words.text("law.withTitle", citation(basis.get(), words), title(basis.get(), words));
    }

    /** The provision as a lawyer cites it, without what it is about: where the sentence around it says that. */
    static String citation(LegalBasisId id, LegalFramework law, Words words) {
        return law.find(id).map(basis -> citation(basis, words)).orElseGet(() -> words.text("law.notInCatalogue", id.value()));
    }

    static String citation(LegalBasis basis, Words words) {
        Matcher provision = PROVISION.matcher(basis.provision());
        String section = provision.matches() ? words.text("law.provision", provision.group(1), provision.group(2)) : basis.provision();
        Matcher act = ACT.matcher(basis.act());
        if (!act.matches()) {
            return words.text("law.citation.unnamed", section, basis.act());
        }
        String name = words.textOr("law.act." + act.group(1), null);
        return name == null ? words.text("law.citation.unnamed", section, basis.act()) : words.text("law.citation", section, name, act.group(1));
    }

    static String title(LegalBasis basis, Words words) {
        return words.textOr("law.title." + basis.id().value(), basis.title());
    }
}
