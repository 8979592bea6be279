package org.caseledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.api.support.LedgerHttp;
import org.caseledger.api.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * A page of another site can make a browser POST to the ledger with the Basic credentials it has cached: a form
 * (form-encoded, multipart or text/plain) or a fetch without a body, none of which needs the ledger's consent. A
 * write is carried out only when it says it is JSON or carries {@code X-Requested-By}, which no such page can send.
 */
class CrossSiteWriteIT extends IntegrationTest {

    @Test
    void aBodilessPostWithoutAContentTypeIsRefusedAndRecordsNothing() throws IOException {
        String held = bookedVisit() + "/held";
        long before = storedEvents();

        RawHttp.Answer answer = post(held, List.of(), new byte[0]);

        assertRefused(answer);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBodilessPostSayingItIsJsonOrCarryingTheHeaderIsCarriedOut() throws IOException {
        String heldAsJson = bookedVisit() + "/held";
        String heldWithHeader = bookedVisit() + "/held";
        String missedAsProblemJson = bookedVisit() + "/missed";
        long before = storedEvents();

        RawHttp.Answer json = post(heldAsJson, List.of(RawHttp.header("Content-Type", "application/json")), new byte[0]);
        RawHttp.Answer header = post(heldWithHeader, List.of(RawHttp.header("X-Requested-By", "case-system")), new byte[0]);
        RawHttp.Answer suffix = post(missedAsProblemJson, List.of(RawHttp.header("Content-Type", "application/merge-patch+json")),
                new byte[0]);

        assertThat(List.of(json, header, suffix)).allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isEqualTo(200));
        assertThat(storedEvents()).isEqualTo(before + 3);
    }

    @Test
    void whatAFormOfAnotherSiteCanSendIsRefusedAndRecordsNothing() throws IOException {
        String caseId = Fixtures.openCase(http);
        String notes = "/api/v1/cases/" + caseId + "/notes";
        byte[] note = "{\"text\":\"Written by a page of another site.\"}".getBytes(StandardCharsets.UTF_8);
        long before = storedEvents();

        List<RawHttp.Answer> answers = new ArrayList<>();
        for (String type : List.of("text/plain", "text/plain; charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json-seq", "not a type")) {
            answers.add(post(notes, List.of(RawHttp.header("Content-Type", type)), note));
        }
        answers.add(post(notes, List.of(RawHttp.header("Content-Type", "text/plain"), RawHttp.header("X-Requested-By", " ")), note));
        answers.add(send("PUT", "/api/v1/cases/" + caseId + "/closure", List.of(), new byte[0]));
        answers.add(send("DELETE", "/api/v1/cases/" + caseId, List.of(), new byte[0]));

        assertThat(answers).allSatisfy(this::assertRefused);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theRefusalComesBeforeTheCredentialsAreLookedAt() throws IOException {
        RawHttp.Answer anonymous = new RawHttp(port()).send(new RawHttp.Request("POST", "/api/v1/audit/checkpoints", List.of(), new byte[0], false));

        assertRefused(anonymous);
    }

    private void assertRefused(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(415);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("Content-Type: application/json").contains("X-Requested-By");
    }

    /** A visit booked as the ledger's own clients book one; answers its address. */
    private String bookedVisit() {
        String caseId = Fixtures.openCase(http);
        LedgerHttp.Response booked = http.as("anna").post("/api/v1/cases/" + caseId + "/visits",
                Map.of("plannedAt", "2026-03-20T09:00:00Z", "place", "HOME"));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return "/api/v1/cases/" + caseId + "/visits/" + booked.field("visitId");
    }

    private RawHttp.Answer post(String path, List<Map.Entry<String, String>> headers, byte[] body) throws IOException {
        return send("POST", path, headers, body);
    }

    /** As anna, whose browser would add her Basic credentials to any request for the ledger. */
    private RawHttp.Answer send(String method, String path, List<Map.Entry<String, String>> headers, byte[] body) throws IOException {
        List<Map.Entry<String, String>> lines = new ArrayList<>(headers);
        lines.add(RawHttp.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("anna:" + LedgerHttp.PASSWORD).getBytes(StandardCharsets.UTF_8))));
        return new RawHttp(port()).send(new RawHttp.Request(method, path, lines, body, false));
    }
}
