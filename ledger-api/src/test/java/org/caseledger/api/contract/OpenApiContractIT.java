package org.caseledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is the integrators' contract: the document the ledger serves equals the one committed in
 * docs/openapi.json, so that every change of contract shows in review, and it says what an integrator needs.
 */
class OpenApiContractIT extends IntegrationTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final Path SERVED = Path.of("target", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    @Test
    void givenTheServedDocumentWhenComparedWithTheCommittedOneThenTheyAreTheSame() throws IOException {
        String served = normalized(http.as("anna").get("/v3/api-docs").text());
        Files.writeString(SERVED, served);

        String committed = Files.exists(COMMITTED) ? normalized(Files.readString(COMMITTED)) : "";

        assertThat(served).as("the served OpenAPI document differs from docs/openapi.json: review the change, then copy "
                + SERVED.toAbsolutePath() + " to docs/openapi.json").isEqualTo(committed);
    }

    @Test
    void givenTheServedDocumentThenNoOperationTakesTheSignedInStaffAsAParameterAndEveryOneSaysItsErrorsSuccessAndDefinedTag() {
        JsonNode document = JSON.readTree(http.as("anna").get("/v3/api-docs").text());
        List<String> wrong = new ArrayList<>();
        List<String> tags = document.path("tags").valueStream().map(tag -> tag.path("name").asString()).toList();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode spec = method.getValue();
                spec.path("parameters").forEach(parameter -> {
                    if (parameter.path("name").asString().equals("context")) {
                        wrong.add(operation + " takes a parameter 'context'");
                    }
                });
                if (!spec.path("tags").isArray() || spec.path("tags").get(0).asString().contains("-controller")) {
                    wrong.add(operation + " is tagged by its Java class: " + spec.path("tags"));
                }
                spec.path("tags").forEach(tag -> {
                    if (!tags.contains(tag.asString())) {
                        wrong.add(operation + " names the tag " + tag + ", which the document does not define");
                    }
                });
                if (spec.path("responses").properties().stream().noneMatch(response -> response.getKey().startsWith("2"))) {
                    wrong.add(operation + " documents no success");
                }
                for (String status : List.of("400", "401", "403")) {
                    if (!spec.path("responses").has(status)) {
                        wrong.add(operation + " does not document " + status);
                    }
                }
                spec.path("responses").properties().forEach(response -> response.getValue().path("content").properties()
                        .forEach(media -> {
                            if (media.getKey().equals("*/*")) {
                                wrong.add(operation + " answers " + response.getKey() + " as */*");
                            }
                        }));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(document.path("components").path("securitySchemes").has("basic")).isTrue();
        assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(document.toString()).doesNotContain("passwordHash");
        assertThat(document.path("components").path("schemas").has("CaseViewReport")).as("the case view's report has a schema of its own")
                .isTrue();
    }

    private static String normalized(String document) {
        return JSON.writeValueAsString(JSON.readTree(document)) + "\n";
    }
}
