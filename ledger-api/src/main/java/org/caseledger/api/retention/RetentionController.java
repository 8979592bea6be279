package org.caseledger.api.retention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caseledger.api.privacy.Erasure;
import org.caseledger.api.web.CommandContext;
import org.caseledger.core.shared.PersonId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The retention policy applied: what is due (a dry run the unit head reads first) and the run that erases it,
 * one person per transaction, reporting what it did. Files kept by the policy are listed with the reason.
 */
@RestController
class RetentionController {

    /** The dry run: due files, and the files past the period that the policy keeps. */
    record Due(int years, List<RetentionQuery.Candidate> due, List<RetentionQuery.Candidate> kept) {
    }

    /** One person erased by the run. */
    record Erased(UUID personId, List<String> caseNumbers, int dataKeysDestroyed) {
    }

    /** What the run did. */
    record Run(List<Erased> erased, int kept) {
    }

    private final RetentionQuery query;
    private final RetentionProperties policy;
    private final Erasure erasure;
    private final Clock clock;

    RetentionController(RetentionQuery query, RetentionProperties policy, Erasure erasure, Clock clock) {
        this.query = query;
        this.policy = policy;
        this.erasure = erasure;
        this.clock = clock;
    }

    @GetMapping("/api/retention/due")
    Due due() {
        List<RetentionQuery.Candidate> candidates = query.candidates(clock.instant());
        return new Due(policy.years(),
                candidates.stream().filter(candidate -> candidate.verdict() == RetentionQuery.Verdict.DUE).toList(),
                candidates.stream().filter(candidate -> candidate.verdict() != RetentionQuery.Verdict.DUE).toList());
    }

    @PostMapping("/api/retention/run")
    Run run(CommandContext context) {
        Due due = due();
        List<Erased> erased = new ArrayList<>();
        for (RetentionQuery.Candidate candidate : due.due()) {
            String reason = "Retention: the last entry of case files " + String.join(", ", candidate.caseNumbers()) + " was made on "
                    + candidate.lastEntry() + ", more than " + policy.years() + " years ago";
            int destroyed = erasure.erase(PersonId.of(candidate.personId().toString()), reason, context.envelope(null)).size();
            erased.add(new Erased(candidate.personId(), candidate.caseNumbers(), destroyed));
        }
        return new Run(erased, due.kept().size());
    }
}
