package org.caseledger.api.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.caseledger.api.contract.NoIdempotencyKey;
import org.caseledger.api.privacy.Erasure;
import org.caseledger.api.privacy.YearKeys;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.CommandContext;
import org.caseledger.core.person.ErasureReason;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The retention policy applied: what is due (a dry run the unit head reads first) and the run that erases it,
 * one person per transaction, reporting what it did. Every decision names the rule that made it and explains it in
 * words (Swedish, or English on request); what the policy cannot decide is listed apart, for a person to decide.
 * <p>
 * A unit head sees and erases only the persons all of whose case files — and their households' — their own unit holds;
 * due persons with files in other units as well are only counted, and are erased by the person erasure's procedure
 * across units (docs/privacy.md). Auditors see every unit's.
 */
@RestController
class RetentionController {

    /** One person's data under the policy, with the rule that decided and its explanation. */
    record Decision(UUID personId, RetentionQuery.Subject subject, List<String> caseNumbers, List<String> units, Instant lastEntry,
                    LocalDate erasableFrom, RetentionQuery.Verdict verdict, RetentionQuery.Rule rule, String detail, String explanation) {
    }

    /**
     * The dry run: what is due, what the policy keeps, what it cannot decide (kept until a person decides), and how
     * many due persons are also in other units' files (neither shown nor erased here).
     */
    record Due(int years, List<Decision> due, List<Decision> kept, List<Decision> needsDecision, int dueInOtherUnits) {
    }

    /** One person erased by the run. */
    record Erased(UUID personId, RetentionQuery.Subject subject, List<String> caseNumbers, int dataKeysDestroyed) {
    }

    /** What the run did; {@code yearKeysDestroyed}: the keys of erasure notes and stated purposes whose time had come. */
    record Run(List<Erased> erased, int kept, int needsDecision, int dueInOtherUnits, int yearKeysDestroyed) {
    }

    private final RetentionQuery query;
    private final RetentionProperties policy;
    private final Erasure erasure;
    private final YearKeys yearKeys;
    private final MessageSource messages;
    private final Clock clock;
    private final Counter runsCompleted;
    private final Counter runsFailed;

    RetentionController(RetentionQuery query, RetentionProperties policy, Erasure erasure, YearKeys yearKeys, MessageSource messages,
                        Clock clock, MeterRegistry meters) {
        this.query = query;
        this.policy = policy;
        this.erasure = erasure;
        this.yearKeys = yearKeys;
        this.messages = messages;
        this.clock = clock;
        // docs/operations.md, "Metrics": a run that fails part-way has erased the persons before the failure.
        this.runsCompleted = Counter.builder("ledger.retention.runs").tag("outcome", "completed")
                .description("Retention runs on this node, by whether they completed").register(meters);
        this.runsFailed = Counter.builder("ledger.retention.runs").tag("outcome", "failed")
                .description("Retention runs on this node, by whether they completed").register(meters);
    }

    @Operation(summary = "See what retention would erase", description = """
            The dry run of the retention policy: the persons whose data is due for erasure, those the policy keeps and \
            those it cannot decide, each with the rule that decided and its explanation in words; and how many due persons are \
            also in other units' files. A unit head sees their own unit's; an auditor every unit's.""")
    @GetMapping("/api/v1/retention/due")
    Due due() {
        return due(CurrentStaff.get());
    }

    @Operation(summary = "Run retention", description = """
            Erases the persons the dry run names as due, one per transaction, and destroys the year keys whose time has \
            come; answers what it did. Running it again erases nothing more.""")
    @NoIdempotencyKey
    @PostMapping("/api/v1/retention/run")
    Run run(CommandContext context) {
        try {
            Run run = runNow(context);
            runsCompleted.increment();
            return run;
        } catch (RuntimeException e) {
            runsFailed.increment();
            throw e;
        }
    }

    private Run runNow(CommandContext context) {
        Due due = due(CurrentStaff.get());
        List<Erased> erased = new ArrayList<>();
        for (Decision decision : due.due()) {
            int destroyed = erasure.erase(PersonId.of(decision.personId().toString()), ErasureReason.RETENTION, context.envelope(null)).size();
            erased.add(new Erased(decision.personId(), decision.subject(), decision.caseNumbers(), destroyed));
        }
        return new Run(erased, due.kept().size(), due.needsDecision().size(), due.dueInOtherUnits(), yearKeys.destroyExpired().size());
    }

    private Due due(StaffUser staff) {
        Predicate<RetentionQuery.Candidate> inScope = withinUnitOf(staff);
        List<RetentionQuery.Candidate> candidates = query.candidates(clock.instant());
        return new Due(policy.years(),
                decisions(candidates, RetentionQuery.Verdict.DUE, inScope),
                decisions(candidates, RetentionQuery.Verdict.KEPT, inScope),
                decisions(candidates, RetentionQuery.Verdict.NEEDS_DECISION, inScope),
                (int) candidates.stream()
                        .filter(candidate -> candidate.verdict() == RetentionQuery.Verdict.DUE)
                        .filter(candidate -> !inScope.test(candidate) && candidate.units().contains(staff.unit().value()))
                        .count());
    }

    private List<Decision> decisions(List<RetentionQuery.Candidate> candidates, RetentionQuery.Verdict verdict,
                                     Predicate<RetentionQuery.Candidate> inScope) {
        return candidates.stream().filter(candidate -> candidate.verdict() == verdict).filter(inScope)
                .map(candidate -> new Decision(candidate.personId(), candidate.subject(), candidate.caseNumbers(), candidate.units(),
                        candidate.lastEntry(), candidate.erasableFrom(), candidate.verdict(), candidate.rule(), candidate.detail(),
                        explanation(candidate)))
                .toList();
    }

    /** The rule in words, with the facts it rests on; a detail that is a code is worded too. */
    private String explanation(RetentionQuery.Candidate candidate) {
        String detail = candidate.detail() == null ? ""
                : messages.getMessage("retention.detail." + candidate.detail(), null, candidate.detail(), LocaleContextHolder.getLocale());
        return messages.getMessage("retention.rule." + candidate.rule().name(),
                new Object[] {policy.years(), String.join(", ", candidate.caseNumbers()), detail,
                        policy.researchSampleDays().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")},
                LocaleContextHolder.getLocale());
    }

    /** Auditors review every unit's retention; a unit head acts on the persons whose files are all in their unit. */
    private static Predicate<RetentionQuery.Candidate> withinUnitOf(StaffUser staff) {
        if (staff.role() == Role.AUDITOR) {
            return candidate -> true;
        }
        return candidate -> candidate.units().equals(List.of(staff.unit().value()));
    }
}
