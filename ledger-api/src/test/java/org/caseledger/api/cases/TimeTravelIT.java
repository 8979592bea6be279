package org.caseledger.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Asking "as of" afterwards gives exactly what the live view showed at that moment. */
class TimeTravelIT extends IntegrationTest {

    private record Seen(String recordedAt, long version, JsonNode view) {
    }

    @Test
    void theCaseAsOfAMomentIsWhatTheLiveViewShowedThen() {
        String caseId = Fixtures.openCase(http);
        String path = "/api/v1/cases/" + caseId;
        LedgerHttp anna = http.as("anna");
        List<Seen> seen = new ArrayList<>();
        seen.add(live(path));
        anna.post(path + "/notes", Map.of("text", "First conversation with the mother."));
        seen.add(live(path));
        String visit = anna.post(path + "/visits", Map.of("plannedAt", "2026-04-01T09:00:00Z", "place", "HOME")).field("visitId");
        seen.add(live(path));
        anna.post(path + "/visits/" + visit + "/missed", Map.of());
        seen.add(live(path));
        anna.post(path + "/decisions", Map.of("kind", "OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2", "rationale", "Missed visit."));
        seen.add(live(path));
        anna.post(path + "/closure", Map.of("reason", "Moved abroad."));
        seen.add(live(path));

        for (Seen moment : seen) {
            LedgerHttp.Response asOf = http.as("ivo").get(path + "?asOf=" + moment.recordedAt());
            assertThat(asOf.status()).isEqualTo(200);
            assertThat(asOf.header("ETag")).as("a past state carries no version to write on").isNull();
            assertThat(asOf.json()).as("as of " + moment.recordedAt()).isEqualTo(moment.view());
            assertThat(http.as("ivo").get(path + "?asOfEvent=" + moment.version()).json()).isEqualTo(moment.view());
            assertThat(http.as("ivo").get(path + "/timeline?asOfEvent=" + moment.version()).json()).hasSize((int) moment.version() + 1);
        }
        JsonNode beforeAnything = http.as("ivo").get(path + "?asOf=2000-01-01T00:00:00Z").json();
        assertThat(beforeAnything.path("version").asLong()).isEqualTo(-1);
        assertThat(http.as("ivo").get(path + "?asOf=2026-01-01T00:00:00Z&asOfEvent=1").status()).isEqualTo(400);
    }

    @Test
    void theTimelineTellsEachEventInPlainWordsWithCorrectionsBesideTheOriginal() {
        String caseId = Fixtures.openCase(http);
        String path = "/api/v1/cases/" + caseId;
        String note = http.as("anna").post(path + "/notes", Map.of("text", "The family moved here in 2023.")).field("noteId");
        http.as("anna").post(path + "/notes/" + note + "/corrections", Map.of("text", "The family moved here in 2022.",
                "reason", "Wrong year."));
        http.as("karin").post(path + "/decisions", Map.of("kind", "DO_NOT_OPEN_INVESTIGATION", "legalBasis", "SFS2025:400-20kap2",
                "rationale", "The school's worry is handled with the family."));

        JsonNode timeline = http.as("ivo").get(path + "/timeline").json();

        assertThat(timeline).hasSize(5);
        assertThat(timeline.get(1).path("what").asString()).startsWith("Report of concern received from school");
        assertThat(timeline.get(2).path("correctedBy").asLong()).isEqualTo(3);
        assertThat(timeline.get(3).path("corrects").asLong()).isEqualTo(2);
        assertThat(timeline.get(4).path("legalBasis").asString()).startsWith("SFS 2025:400 20 kap. 2 §");
        assertThat(timeline.get(4).path("actor").asString()).isEqualTo("karin.berg");
        assertThat(timeline.get(4).path("recordedAt").asString()).isNotBlank();
    }

    private Seen live(String path) {
        JsonNode view = http.as("ivo").get(path).json();
        return new Seen(view.path("lastRecordedAt").asString(), view.path("version").asLong(), view);
    }
}
