package org.caseledger.core.outreach;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One activity of the office's low-threshold work. Each is a fact of its own with no rules between
 * activities, so each gets a stream of one event and writers never contend.
 */
public class OutreachActivity {

    @AggregateIdentifier
    private ActivityId activityId;

    protected OutreachActivity() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public OutreachActivity(HoldAnonymousConsultation command) {
        apply(new AnonymousConsultationHeld(command.activityId(), command.topic(), command.envelope()));
    }

    @CommandHandler
    public OutreachActivity(HoldInformationMeeting command) {
        apply(new InformationMeetingHeld(command.activityId(), command.audience(), command.participants(), command.topics(),
                command.envelope()));
    }

    @CommandHandler
    public OutreachActivity(HoldConversationWithoutAid command) {
        apply(new ConversationWithoutAidHeld(command.activityId(), command.household(), command.envelope()));
    }

    @CommandHandler
    public OutreachActivity(ProvideServiceSupport command) {
        apply(new ServiceSupportProvided(command.activityId(), command.household(), command.kind(), command.envelope()));
    }

    @EventSourcingHandler
    void on(OutreachEvent event) {
        activityId = event.activityId();
    }
}
