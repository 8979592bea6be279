package org.caseledger.projections.wording;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseledger.core.cases.CancelledBy;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.ContactChannel;
import org.caseledger.core.cases.ContactInitiator;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.ReporterType;
import org.caseledger.core.cases.VisitPlace;
import org.caseledger.core.household.HouseholdRelation;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.outreach.ServiceSupportKind;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.PartnerType;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.core.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * The message bundles in one language. A text missing from the bundles reads {@code ???key???} rather than failing
 * the answer, so that a test of the rendered words finds it; a code is always worded, never shown as it is stored.
 */
public final class Words {

    /** The bundle prefix of each kind of code a person may meet, so that every code is looked up the same way. */
    private static final Map<Class<?>, String> CODES = Map.ofEntries(
            Map.entry(Role.class, "role."),
            Map.entry(DecisionKind.class, "decision.kind."),
            Map.entry(CaseOrigin.class, "case.origin."),
            Map.entry(ReporterType.class, "reporter."),
            Map.entry(ContactChannel.class, "contact.channel."),
            Map.entry(ContactInitiator.class, "contact.initiator."),
            Map.entry(PartnerType.class, "partner."),
            Map.entry(InterventionType.class, "intervention.type."),
            Map.entry(VisitPlace.class, "visit.place."),
            Map.entry(CancelledBy.class, "visit.cancelledBy."),
            Map.entry(HouseholdRelation.class, "household.relation."),
            Map.entry(ServiceSupportKind.class, "serviceSupport.kind."));

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LedgerTime.ZONE);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(LedgerTime.ZONE);

    private final MessageSource messages;
    private final Locale language;

    public Words(MessageSource messages, Locale language) {
        this.messages = messages;
        this.language = language;
    }

    public Locale language() {
        return language;
    }

    /** The kinds of code that have words, for tests that check every one of them is worded in both languages. */
    @SuppressWarnings("unchecked")
    public static Set<Class<? extends Enum<?>>> wordedCodes() {
        return CODES.keySet().stream().map(kind -> (Class<? extends Enum<?>>) kind).collect(Collectors.toUnmodifiableSet());
    }

    /** The text under the key, filled with the facts (already worded: a fact is never a code). */
    public String text(String key, Object... facts) {
        try {
            return messages.getMessage(key, facts, language);
        } catch (NoSuchMessageException missing) {
            return "???" + key + "???";
        }
    }

    /** The text under the key, or the fallback when the bundles have none: for words that configuration may supply. */
    public String textOr(String key, String fallback, Object... facts) {
        return messages.getMessage(key, facts, fallback, language);
    }

    /** A code in words: a role, a kind of decision, a reporter, a channel, a partner, an intervention, a place, a relation. */
    public String code(Enum<?> value) {
        if (value == null) {
            return null;
        }
        String prefix = CODES.get(value.getDeclaringClass());
        if (prefix == null) {
            throw new IllegalArgumentException("no words for codes of " + value.getDeclaringClass().getSimpleName());
        }
        return text(prefix + value.name());
    }

    /** A code stored as text (a read model's field) in words, by the bundle prefix of its kind. */
    public String code(String prefix, String value) {
        return value == null ? null : text(prefix + value);
    }

    /** Stored free text as it reads: as written, or the word for erased once its person's key is destroyed. */
    public String stored(String text) {
        return PersonalData.ERASED.equals(text) ? erased() : PersonalData.SEALED.equals(text) ? text("personalData.sealed") : text;
    }

    /** What a person's erased data reads as. */
    public String erased() {
        return text("personalData.erased");
    }

    /** Yes or no. */
    public String yesNo(boolean value) {
        return text(value ? "yes" : "no");
    }

    /** The instant to the minute in Swedish local time, {@code 2026-03-24 14:06}: how staff read times. */
    public static String minute(Instant instant) {
        return instant == null ? "–" : MINUTE.format(instant);
    }

    /** The instant to the second in Swedish local time: where the order of entries within a minute matters. */
    public static String second(Instant instant) {
        return instant == null ? "–" : SECOND.format(instant);
    }
}
