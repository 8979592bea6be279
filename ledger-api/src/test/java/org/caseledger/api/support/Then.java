package org.caseledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * What a test expects of one answer, named for what it means: {@code then(answer).isForbidden()},
 * {@code when("anna").posts(path, body).isRefusedBy("PERSON_ERASED")}. Every expectation shows the answer when it fails,
 * and hands back what the test reads next.
 */
public final class Then {

    private final LedgerHttp.Response response;
    private final String description;

    Then(LedgerHttp.Response response, String description) {
        this.response = response;
        this.description = description;
    }

    /** Says why the expectation holds; a failure shows it before the answer. */
    public Then as(String why) {
        return new Then(response, why);
    }

    /** A read answered: 200, and its body. */
    public JsonNode isOk() {
        hasStatus(200);
        return response.json();
    }

    /** A resource of its own created: 201. */
    public LedgerHttp.Response isCreated() {
        return hasStatus(201);
    }

    /** A write recorded, whether it created a resource of its own (201) or added to one (200). */
    public LedgerHttp.Response isRecorded() {
        assertThat(response.status()).as(what()).isIn(200, 201);
        return response;
    }

    public LedgerHttp.Response isForbidden() {
        return hasStatus(403);
    }

    public LedgerHttp.Response isNotFound() {
        return hasStatus(404);
    }

    /** Refused by a rule of the domain, with the rule's code: malformed (400) or in conflict (409). */
    public LedgerHttp.Response isRefusedBy(String rule) {
        assertThat(response.status()).as(what()).isIn(400, 409);
        assertThat(response.field("rule")).as(what()).isEqualTo(rule);
        return response;
    }

    public LedgerHttp.Response hasStatus(int status) {
        assertThat(response.status()).as(what()).isEqualTo(status);
        return response;
    }

    /** The answer as it came, for what no expectation here names. */
    public LedgerHttp.Response answer() {
        return response;
    }

    private String what() {
        return description == null ? response.toString() : description + ": " + response;
    }
}
