package org.caseledger.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.caseledger.api.casefile.CaseFileSamples;
import org.caseledger.api.wording.Bundles;
import org.caseledger.api.wording.Wording;
import org.caseledger.core.cases.Case;
import org.caseledger.core.cases.CaseAssigned;
import org.caseledger.core.cases.CaseClosed;
import org.caseledger.core.cases.CaseEvent;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseTransferred;
import org.caseledger.core.cases.ChildHeard;
import org.caseledger.core.cases.ChildNotHeardReasonRecorded;
import org.caseledger.core.cases.ConsentGiven;
import org.caseledger.core.cases.ConsentWithdrawn;
import org.caseledger.core.cases.ContactRecorded;
import org.caseledger.core.cases.InformationDisclosed;
import org.caseledger.core.cases.InterventionAccepted;
import org.caseledger.core.cases.InterventionDeclined;
import org.caseledger.core.cases.InterventionEnded;
import org.caseledger.core.cases.InterventionFollowedUp;
import org.caseledger.core.cases.InterventionStarted;
import org.caseledger.core.cases.JournalNoteCorrected;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.ProtectionAssessed;
import org.caseledger.core.cases.ReportOfConcernReceived;
import org.caseledger.core.cases.VisitBooked;
import org.caseledger.core.cases.VisitCancelled;
import org.caseledger.core.cases.VisitHeld;
import org.caseledger.core.cases.VisitMissed;
import org.caseledger.projections.caseview.CaseView;
import org.caseledger.projections.caseview.CaseViewFold;
import org.caseledger.projections.metrics.MetricFact;
import org.caseledger.projections.metrics.MetricFacts;
import org.caseledger.projections.timeline.TimelineWording;
import org.junit.jupiter.api.Test;

/**
 * Every kind of case event ({@link CaseEvent} is sealed: its permitted records are the list) has been thought through
 * by everything that reads a case: the aggregate sources it, the case view folds it, the timeline words it, the
 * metrics count it, the access index indexes it, or a list here says why it need not. A new kind of event fails here
 * until each of them has decided.
 */
class EveryCaseEventIsHandledTest {

    private static final Set<Class<?>> KINDS = Set.of(CaseEvent.class.getPermittedSubclasses());

    /** One event of every kind, in an order a case could have them. */
    private static final List<CaseEvent> SAMPLE = CaseFileSamples.everyKindOfEvent("Flyttade hit 2023.");

    /** Facts the aggregate keeps nothing of, as no command's rule looks at them. */
    private static final Map<Class<? extends CaseEvent>, String> NOTHING_KEPT_BY_THE_AGGREGATE = Map.of(
            ChildHeard.class, "no command's rule asks whether the child was heard (the compliance checks do, from the view)",
            ChildNotHeardReasonRecorded.class, "no command's rule asks why the child was not heard",
            InterventionFollowedUp.class, "a follow-up moves the intervention nowhere in its life cycle");

    /**
     * Facts that add no metric fact of their own (docs/metrics.md defines the metrics). A case's opening dates the days to
     * support and a transfer decides the unit that later facts count for, but neither is counted itself.
     */
    private static final Set<Class<? extends CaseEvent>> NO_METRIC_FACT = Set.of(CaseOpened.class, ProtectionAssessed.class,
            CaseAssigned.class, CaseTransferred.class, ChildHeard.class, ChildNotHeardReasonRecorded.class, JournalNoteRecorded.class,
            JournalNoteCorrected.class, InterventionDeclined.class, InterventionFollowedUp.class, InterventionEnded.class,
            ConsentGiven.class, ConsentWithdrawn.class, InformationDisclosed.class, CaseClosed.class);

    /**
     * Facts that change no one's access and name no intervention: the access index notes only their time (its handler of
     * every case event), which retention counts from.
     */
    private static final Set<Class<? extends CaseEvent>> ONLY_THEIR_TIME_IN_THE_ACCESS_INDEX = Set.of(
            ReportOfConcernReceived.class, ProtectionAssessed.class, ChildHeard.class,
            ChildNotHeardReasonRecorded.class, VisitBooked.class, VisitHeld.class, VisitMissed.class, VisitCancelled.class,
            ContactRecorded.class, JournalNoteRecorded.class, JournalNoteCorrected.class, InterventionAccepted.class,
            InterventionDeclined.class, InterventionStarted.class, InterventionFollowedUp.class, InterventionEnded.class,
            ConsentWithdrawn.class, InformationDisclosed.class, CaseClosed.class);

    @Test
    void theSampleHoldsOneEventOfEveryKind() {
        assertThat(SAMPLE.stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("the sample case (CaseFileSamples) holds every kind of case event").containsAll(KINDS);
        assertThat(KINDS).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void theAggregateSourcesEveryKindOfEventOrSaysWhyItKeepsNothingOfIt() {
        Set<Class<?>> sourced = Arrays.stream(Case.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .map(method -> method.getParameterTypes()[0]).collect(Collectors.toSet());

        assertThat(KINDS.stream().filter(kind -> sourced.contains(kind) == NOTHING_KEPT_BY_THE_AGGREGATE.containsKey(kind)).map(Class::getSimpleName))
                .as("kinds with both or neither of an @EventSourcingHandler in Case and a reason in NOTHING_KEPT_BY_THE_AGGREGATE")
                .isEmpty();
    }

    @Test
    void theCaseViewFoldsEveryKindOfEvent() {
        CaseView view = new CaseView();
        for (int sequence = 0; sequence < SAMPLE.size(); sequence++) {
            CaseEvent event = SAMPLE.get(sequence);
            long at = sequence;
            assertThatCode(() -> CaseViewFold.apply(view, event, at)).as(event.getClass().getSimpleName() + " in CaseViewFold")
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theTimelineWordsEveryKindOfEventInASentenceOfItsOwn() {
        Wording wording = Bundles.wording();
        for (Locale language : List.of(Bundles.SWEDISH, Bundles.ENGLISH)) {
            TimelineWording sentences = wording.sentences(language);
            String unknown = wording.words(language).text("timeline.unknown");
            for (CaseEvent event : SAMPLE) {
                assertThat(sentences.what(event)).as(event.getClass().getSimpleName() + " in EventSentences.what, " + language)
                        .isNotEqualTo(unknown).doesNotStartWith("timeline.");
            }
        }
    }

    /** A kind counts when adding its event to the case changes the case's metric facts. */
    @Test
    void everyKindOfEventAddsAMetricFactOrIsListedAsAddingNone() {
        Set<Class<?>> counted = new HashSet<>();
        List<MetricFact> before = MetricFacts.of(new CaseView());
        for (int known = 1; known <= SAMPLE.size(); known++) {
            List<MetricFact> after = MetricFacts.of(CaseViewFold.fold(SAMPLE.subList(0, known)));
            if (!new HashSet<>(after).equals(new HashSet<>(before))) {
                counted.add(SAMPLE.get(known - 1).getClass());
            }
            before = after;
        }

        assertThat(KINDS.stream().filter(kind -> !counted.contains(kind) && !NO_METRIC_FACT.contains(kind)).map(Class::getSimpleName))
                .as("kinds that add no fact in MetricFacts and are not listed in NO_METRIC_FACT").isEmpty();
        assertThat(NO_METRIC_FACT.stream().filter(counted::contains).map(Class::getSimpleName))
                .as("kinds listed in NO_METRIC_FACT that do add a fact").isEmpty();
    }

    @Test
    void theAccessIndexHandlesEveryKindOfEventOrNotesOnlyItsTime() {
        List<Method> handlers = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caseledger.api.access")) {
            Arrays.stream(type.reflect().getDeclaredMethods()).filter(method -> method.isAnnotationPresent(EventHandler.class))
                    .forEach(handlers::add);
        }
        Set<Class<?>> handled = handlers.stream().map(method -> method.getParameterTypes()[0]).collect(Collectors.toSet());

        assertThat(handled).as("the access index's handler of every case event, which notes its time").contains(CaseEvent.class);
        assertThat(KINDS.stream().filter(kind -> handled.contains(kind) == ONLY_THEIR_TIME_IN_THE_ACCESS_INDEX.contains(kind))
                .map(Class::getSimpleName))
                .as("kinds with both or neither of a handler of their own in the access package and a place in "
                        + "ONLY_THEIR_TIME_IN_THE_ACCESS_INDEX")
                .isEmpty();
    }
}
