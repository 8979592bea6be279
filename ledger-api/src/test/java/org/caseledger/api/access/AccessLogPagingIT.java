package org.caseledger.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;

/** An auditor reads a long access log in pages, newest first, following the Link header. */
class AccessLogPagingIT extends IntegrationTest {

    @Test
    void givenACaseReadManyTimesWhenTheAuditorFollowsThePagesThenTheyMakeTheWholeLogOfTheCaseNewestFirst() {
        String caseId = Fixtures.openCase(http);
        for (int i = 0; i < 7; i++) {
            assertThat(http.as("anna").get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        }
        List<Long> whole = http.as("ivo").get("/api/v1/audit/access-log?limit=1000&caseId=" + caseId).json().findValues("position").stream()
                .map(position -> position.asLong()).toList();

        List<Long> paged = new ArrayList<>();
        String path = "/api/v1/audit/access-log?limit=3&caseId=" + caseId;
        while (path != null) {
            LedgerHttp.Response page = http.as("ivo").get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().findValues("position").forEach(position -> paged.add(position.asLong()));
            path = page.nextPage();
        }

        assertThat(whole).hasSizeGreaterThanOrEqualTo(7);
        assertThat(paged).isEqualTo(whole);
        assertThat(paged).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
