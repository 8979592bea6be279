package org.caseledger.api.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.wording.Wording;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.caseview.CaseViewRepository;
import org.caseledger.projections.moment.CaseAtMoment;
import org.caseledger.projections.timeline.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * Reads a case. The live view comes from the projection when it has caught up with the case's stream; right
 * after a write it may not have (nor when the view was stored by an older fold), and then the same fold runs over the
 * stored events, so a client always reads what it just wrote. Views and timelines "as of" a moment or an event run the same fold over a prefix of the
 * stream.
 */
@Component
class CaseReader {

    /** Which part of the history to read: all of it, what was recorded by an instant, or up to an event. */
    record Moment(Instant asOf, Long asOfEvent) {

        static final Moment NOW = new Moment(null, null);

        Moment {
            if (asOf != null && asOfEvent != null) {
                throw new InvalidValueException("asOfEvent", ValueProblem.NOT_BOTH, "ask for asOf or asOfEvent, not both", "asOf");
            }
            if (asOfEvent != null && asOfEvent < 0) {
                throw new InvalidValueException("asOfEvent", ValueProblem.NOT_NEGATIVE, "asOfEvent is a sequence number, 0 or more");
            }
        }

        boolean isNow() {
            return asOf == null && asOfEvent == null;
        }

        List<CaseEvent> select(List<CaseEvent> events) {
            return shared().select(events);
        }

        CaseAtMoment shared() {
            return new CaseAtMoment(asOf, asOfEvent);
        }
    }

    private static final Class<CaseEvent> KIND = CaseEvent.class;

    private final EventHistory history;
    private final CaseViewRepository views;
    private final Wording wording;
    private final Clock clock;

    CaseReader(EventHistory history, CaseViewRepository views, Wording wording, Clock clock) {
        this.history = history;
        this.views = views;
        this.wording = wording;
        this.clock = clock;
    }

    CaseView view(CaseId caseId, Moment moment) {
        return view(caseId, moment, history.version(caseId, KIND));
    }

    /**
     * The view, given the stream's version as the caller has just read it: the case page needs the version for
     * itself, and asking the database a second time would only give the same answer later.
     */
    CaseView view(CaseId caseId, Moment moment, long current) {
        if (moment.isNow()) {
            Optional<CaseView> stored = views.find(caseId);
            if (stored.isPresent() && stored.get().version == current && stored.get().foldRevision >= CaseViewFold.REVISION) {
                return stored.get();
            }
        }
        return CaseViewFold.fold(moment.select(events(caseId)));
    }

    /** The timeline up to the moment, worded in the reader's language. */
    List<TimelineEntry> timeline(CaseId caseId, Moment moment, Locale language) {
        history.version(caseId, KIND);
        return wording.timeline(moment.select(events(caseId)), language);
    }

    /** The case's compliance with each rule as it stood at the moment, each check's status on the moment's day. */
    List<CaseAtMoment.Check> compliance(CaseId caseId, Moment moment) {
        history.version(caseId, KIND);
        return moment.shared().compliance(events(caseId), clock.instant());
    }

    /** The case's stored events from a sequence number on, at most {@code limit}. */
    List<EventHistory.Entry> history(CaseId caseId, long from, int limit) {
        return history.entries(caseId, KIND, from, limit);
    }

    private List<CaseEvent> events(CaseId caseId) {
        return history.events(caseId).stream().map(CaseEvent.class::cast).toList();
    }
}
