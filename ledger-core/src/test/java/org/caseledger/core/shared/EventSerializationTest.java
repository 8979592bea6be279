package org.caseledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.DecisionId;
import org.caseledger.core.cases.DecisionMade;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.law.DecisionKind;
import org.caseledger.core.law.TestLaw;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events as the event store keeps them: JSON written by a Jackson 2 mapper configured as Axon's is. */
class EventSerializationTest {

    private static final String CASE_ID = "3f2a0c1e-8d4b-4a57-9c1f-2b7e5d9a6c30";
    private static final String PERSON_ID = "0b6f3c1e-2d4a-4e8b-9c7d-5a1f2e3d4c5b";

    private ObjectMapper mapper;

    @BeforeEach
    void setUp() {
        mapper = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Test
    void aDecisionSurvivesTheRoundTrip() throws Exception {
        DecisionMade decision = grantDecision();

        DecisionMade read = mapper.readValue(mapper.writeValueAsString(decision), DecisionMade.class);

        assertThat(read).isEqualTo(decision);
    }

    @Test
    void aDecisionIsWrittenWithBareIdsIsoTimesAndIsoDays() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(grantDecision()));

        assertThat(json.get("caseId").isTextual()).isTrue();
        assertThat(json.get("caseId").asText()).isEqualTo(CASE_ID);
        assertThat(json.get("decisionId").asText()).isEqualTo("d0000000-0000-4000-8000-000000000001");
        assertThat(json.get("legalBasis").asText()).isEqualTo("SFS2025:400-11kap1");
        assertThat(json.get("delegationRule").asText()).isEqualTo("DO-2.1");
        assertThat(json.get("decidedBy").asText()).isEqualTo("goran.lind");
        assertThat(json.get("kind").asText()).isEqualTo("GRANT_INTERVENTION");
        assertThat(json.get("decisionDate").asText()).isEqualTo("2025-10-06");
        assertThat(json.get("investigationDeadline").isNull()).isTrue();
        assertThat(json.get("envelope").get("occurredAt").asText()).isEqualTo("2025-10-06T09:00:00Z");
        assertThat(json.get("envelope").get("recordedAt").asText()).isEqualTo("2025-10-06T09:03:00Z");
        assertThat(json.get("envelope").get("unit").asText()).isEqualTo("vivalla");
    }

    @Test
    void theWrittenTextUsesBareStringsForIdsAndIsoTextForInstants() throws Exception {
        String json = mapper.writeValueAsString(grantDecision());

        assertThat(json).contains("\"caseId\":\"" + CASE_ID + "\"");
        assertThat(json).contains("\"occurredAt\":\"2025-10-06T09:00:00Z\"");
        assertThat(json).doesNotContain("\"value\"");
    }

    @Test
    void aRegisteredPersonSurvivesTheRoundTripWithTheIdentityNumberAsText() throws Exception {
        PersonRegistered registered = new PersonRegistered(PersonId.of(PERSON_ID), PersonalIdentityNumber.of("201001012382"), null,
                "Tolvan Tolvansson", true, null, TestEnvelopes.at(Instant.parse("2025-09-01T08:00:00Z")));

        String json = mapper.writeValueAsString(registered);
        PersonRegistered read = mapper.readValue(json, PersonRegistered.class);

        assertThat(read).isEqualTo(registered);
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.get("personId").asText()).isEqualTo(PERSON_ID);
        assertThat(tree.get("identityNumber").asText()).isEqualTo("20100101-2382");
        assertThat(tree.get("protectedIdentity").asBoolean()).isTrue();
    }

    @Test
    void storedJsonWithAMalformedIdentityNumberIsNotAccepted() {
        String json = personJson("19121212-1213");

        assertThatThrownBy(() -> mapper.readValue(json, PersonRegistered.class))
                .isInstanceOf(DatabindException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class)
                .rootCause().hasMessageContaining("check digit");
    }

    @Test
    void storedJsonWithAValidIdentityNumberIsAccepted() throws Exception {
        PersonRegistered read = mapper.readValue(personJson("19121212-1212"), PersonRegistered.class);

        assertThat(read.identityNumber()).isEqualTo(PersonalIdentityNumber.of("19121212-1212"));
        assertThat(read.envelope().occurredAt()).isEqualTo(Instant.parse("2025-09-01T08:00:00Z"));
    }

    @Test
    void storedJsonWithAMalformedIdIsNotAccepted() {
        String json = personJson("19121212-1212").replace(PERSON_ID, "not-a-uuid");

        assertThatThrownBy(() -> mapper.readValue(json, PersonRegistered.class))
                .isInstanceOf(DatabindException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class);
    }

    private static DecisionMade grantDecision() {
        Envelope envelope = TestEnvelopes.by(Role.GROUP_LEADER, Instant.parse("2025-10-06T09:00:00Z"));
        return new DecisionMade(CaseId.of(CASE_ID), DecisionId.of("d0000000-0000-4000-8000-000000000001"),
                DecisionKind.GRANT_INTERVENTION, TestLaw.NEW_ASSISTANCE, TestLaw.GRANT_INTERVENTION_RULE, envelope.actor(),
                Role.GROUP_LEADER, LocalDate.of(2025, 10, 6), "the family needs support at home", true, true,
                InterventionId.of("a0000000-0000-4000-8000-000000000001"), InterventionType.FAMILY_TREATMENT, null, envelope);
    }

    private static String personJson(String identityNumber) {
        return """
                {"personId":"%s","identityNumber":"%s","reserveNumber":null,"name":"Tolvan Tolvansson",
                 "protectedIdentity":false,
                 "envelope":{"actor":"sara.svensson","role":"SOCIAL_SECRETARY","unit":"vivalla",
                             "occurredAt":"2025-09-01T08:00:00Z","recordedAt":"2025-09-01T08:03:00Z",
                             "correlationId":"corr-1","causationId":"cmd-1","idempotencyKey":null}}
                """.formatted(PERSON_ID, identityNumber);
    }
}
