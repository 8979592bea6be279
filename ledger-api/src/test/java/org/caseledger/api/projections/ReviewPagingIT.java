package org.caseledger.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.ReadModels;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The deadlines and the cases behind a figure come in pages, and only the cases of a page are logged as read. */
class ReviewPagingIT extends IntegrationTest {

    @Test
    void givenMoreDeadlinesThanAPage_whenWalkedByLink_thenEachComesOnceAsInOneLongPageAndOnlyAPagesCasesAreLogged() {
        for (int i = 0; i < 3; i++) {
            Fixtures.openCase(http);
        }
        ReadModels.awaitCaughtUp(http, Duration.ofSeconds(60));
        LedgerHttp lars = http.as("lars");
        List<String> whole = keys(lars.get("/api/v1/deadlines?days=366&limit=1000").json());
        long logged = deadlineReads();

        LedgerHttp.Response first = lars.get("/api/v1/deadlines?days=366&limit=2");
        long loggedForOnePage = deadlineReads() - logged;
        List<String> walked = new ArrayList<>(keys(first.json()));
        for (String next = first.nextPage(); next != null; ) {
            LedgerHttp.Response page = lars.get(next);
            assertThat(page.status()).isEqualTo(200);
            walked.addAll(keys(page.json()));
            next = page.nextPage();
        }

        assertThat(whole.size()).isGreaterThan(2);
        assertThat(first.json()).hasSize(2);
        assertThat(walked).containsExactlyElementsOf(whole);
        assertThat(loggedForOnePage).isBetween(1L, 2L);
        assertThat(lars.get("/api/v1/deadlines?limit=0").status()).isEqualTo(400);
        assertThat(lars.get("/api/v1/deadlines?position=-1").status()).isEqualTo(400);
    }

    private static List<String> keys(JsonNode entries) {
        List<String> keys = new ArrayList<>();
        entries.forEach(entry -> keys.add(entry.path("caseId").asString() + "/" + entry.path("rule").asString() + "/"
                + entry.path("subject").asString()));
        return keys;
    }

    private long deadlineReads() {
        return jdbc.sql("SELECT count(*) FROM access_log WHERE what = 'deadlines'").query(Long.class).single();
    }
}
