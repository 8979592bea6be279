package org.caseledger.api.feed;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.caseledger.api.access.AccessLog;
import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.access.CaseLists;
import org.caseledger.api.access.Refusal;
import org.caseledger.api.contract.Paged;
import org.caseledger.api.integrity.SettledPosition;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.api.web.NextPage;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/events?after=<cursor>}: the events of the case files the caller may read, in the order the ledger
 * stored them, a page at a time. {@code next} (and the {@code Link} header) is where to continue, always present: the
 * feed has no end. With {@code wait} (seconds, at most {@value #MAX_WAIT_SECONDS}) an empty answer waits for new events
 * (long polling). Only settled positions are handed out ({@link SettledPosition}), so a consumer that continues from
 * {@code next} never skips an event however it was interrupted. Every case in a page is logged as read.
 */
@RestController
@RequestMapping("/api/v1/events")
class ChangeFeedController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_WAIT_SECONDS = 30;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String CURSOR_PREFIX = "after:";

    /** One event of a case file, with the cursor that continues after it. */
    record FeedEvent(String cursor, String caseId, EventHistory.Entry event) {
    }

    /** A page of the feed, and where to continue. */
    record FeedPage(List<FeedEvent> events, String next) {
    }

    private final ChangeFeedQuery query;
    private final SettledPosition settled;
    private final CaseLists lists;

    ChangeFeedController(ChangeFeedQuery query, SettledPosition settled, CaseLists lists) {
        this.query = query;
        this.settled = settled;
        this.lists = lists;
    }

    @Operation(summary = "Follow the change feed", description = """
            The events of the case files the caller may read, in the order the ledger stored them, a page at a time \
            from the cursor `after`. `next` (also in `Link`) is where to continue; it is always there, for the feed has no end. With \
            `wait` (seconds) an empty page waits for new events (long polling). A consumer that continues from `next` never skips \
            an event, however it was interrupted. Administrators read no cases, and no feed.""")
    @Paged
    @GetMapping
    ResponseEntity<FeedPage> events(@RequestParam(required = false) String after,
                                    @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                                    @RequestParam(defaultValue = "0") int wait,
                                    HttpServletRequest request) throws InterruptedException {
        StaffUser staff = CurrentStaff.get();
        if (staff.role() == Role.ADMINISTRATOR) {
            throw new AccessRefusedException(Refusal.ADMINISTRATOR_READS_NO_CASES);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", ValueProblem.OUT_OF_RANGE, "limit must be between 1 and " + MAX_LIMIT, 1, MAX_LIMIT);
        }
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new InvalidValueException("wait", ValueProblem.OUT_OF_RANGE, "wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds",
                    0, MAX_WAIT_SECONDS);
        }
        long from = after == null ? 0 : position(after);
        long deadline = System.nanoTime() + Duration.ofSeconds(wait).toNanos();
        ChangeFeedQuery.Found found = new ChangeFeedQuery.Found(List.of(), from);
        while (true) {
            if (settled.newest() > found.reached()) {
                found = query.after(staff, found.reached(), settled.now(), limit);
            }
            if (!found.changes().isEmpty() || System.nanoTime() >= deadline) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        // the query already kept to the cases the caller may read; this logs each case of the page as read
        List<FeedEvent> events = lists.visible(staff, found.changes().stream()
                        .map(change -> new FeedEvent(cursor(change.position()), change.caseId().toString(), change.event())).toList(),
                FeedEvent::caseId, "change feed", request.getQueryString(), request.getHeader(AccessLog.PURPOSE_HEADER));
        String next = cursor(found.reached());
        return ResponseEntity.ok().header(NextPage.HEADER, NextPage.link("after", next)).body(new FeedPage(events, next));
    }

    /** A cursor: opaque to clients; inside, the position continued after. */
    private static String cursor(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static long position(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(CURSOR_PREFIX)) {
                long position = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // refused below, with the same words for every cursor the ledger did not give out
        }
        throw new InvalidValueException("after", ValueProblem.CURSOR, "after is not a cursor the ledger gave out");
    }
}
