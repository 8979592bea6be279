package org.caseledger.projections.wording;

import org.caseledger.core.household.HouseholdEvent;
import org.caseledger.core.household.HouseholdMemberJoined;
import org.caseledger.core.household.HouseholdMemberLeft;
import org.caseledger.core.household.HouseholdRelationChanged;
import org.caseledger.core.outreach.ConversationWithoutAidHeld;
import org.caseledger.core.outreach.OutreachEvent;
import org.caseledger.core.outreach.ServiceSupportProvided;

/**
 * One sentence per fact of a household that is not a case's: its members joining, changing their relation to the
 * children and leaving, and the office's outreach with it, from the bundles' {@code timeline.<event type>} texts.
 * A member is named as the reader may see them, which the caller decides.
 */
public final class HouseholdSentences {

    private final Words words;

    public HouseholdSentences(Words words) {
        this.words = words;
    }

    /** What happened to the member, named {@code member}. */
    public String what(HouseholdEvent event, String member) {
        if (event instanceof HouseholdMemberJoined e) {
            return words.text("timeline.HouseholdMemberJoined", member, words.code(e.relation()));
        } else if (event instanceof HouseholdRelationChanged e) {
            return words.text("timeline.HouseholdRelationChanged", member, words.code(e.relation()));
        } else if (event instanceof HouseholdMemberLeft) {
            return words.text("timeline.HouseholdMemberLeft", member);
        }
        return words.text("timeline.unknown");
    }

    /** What the office did with the household. */
    public String what(OutreachEvent event) {
        if (event instanceof ConversationWithoutAidHeld) {
            return words.text("timeline.ConversationWithoutAidHeld");
        } else if (event instanceof ServiceSupportProvided e) {
            return words.text("timeline.ServiceSupportProvided", words.code(e.kind()));
        }
        return words.text("timeline.unknown");
    }
}
