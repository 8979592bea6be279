package org.caseledger.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.caseledger.api.support.Fixtures;
import org.caseledger.api.support.IntegrationTest;
import org.caseledger.core.cases.CaseId;
import org.caseledger.core.cases.CaseNumber;
import org.caseledger.core.cases.CaseOpened;
import org.caseledger.core.cases.CaseOrigin;
import org.caseledger.core.cases.InterventionId;
import org.caseledger.core.cases.InterventionOffered;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.cases.JournalNoteRecorded;
import org.caseledger.core.cases.NoteId;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.HouseholdId;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonId;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.shared.UnitId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The retention policy on a handcrafted history, recorded years ago: five years after the last entry a child's
 * case files are due, unless the child was born on the 5th, 15th or 25th (the research sample) or a file holds a
 * placement (a coordination number counts its day of birth plus 60); a file with a recent entry is not due.
 */
class RetentionIT extends IntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void theDryRunListsWhatThePolicyErasesAndTheRunErasesExactlyThat() {
        String due = childWithCase(LocalDate.of(2012, 3, 14), "2019-05-02T09:00:00Z", null);
        String sample = childWithCase(LocalDate.of(2012, 3, 15), "2019-05-02T09:00:00Z", null);
        String placed = childWithCase(LocalDate.of(2012, 3, 14), "2019-05-02T09:00:00Z", InterventionType.PLACEMENT);
        String recent = childWithCase(LocalDate.of(2012, 3, 14), "2024-01-10T09:00:00Z", null);
        String coordination = childWithCase(LocalDate.of(2012, 3, 5), "2019-05-02T09:00:00Z", null, true);

        JsonNode dryRun = http.as("lars").get("/api/v1/retention/due").json();

        assertThat(personsIn(dryRun.path("due"))).contains(due).doesNotContain(sample, placed, recent, coordination);
        assertThat(ruleOf(dryRun.path("kept"), sample)).isEqualTo("RESEARCH_SAMPLE");
        assertThat(ruleOf(dryRun.path("kept"), placed)).isEqualTo("KEPT_INTERVENTION");
        assertThat(ruleOf(dryRun.path("kept"), coordination)).isEqualTo("RESEARCH_SAMPLE");
        assertThat(ruleOf(dryRun.path("due"), due)).isEqualTo("PERIOD_ENDED");
        assertThat(personsIn(dryRun.path("kept"))).doesNotContain(recent);
        assertThat(http.as("anna").get("/api/v1/retention/due").status()).isEqualTo(403);
        assertThat(http.as("anna").post("/api/v1/retention/run", Map.of()).status()).isEqualTo(403);

        JsonNode run = http.as("lars").post("/api/v1/retention/run", Map.of()).json();

        assertThat(personsIn(run.path("erased"))).contains(due).doesNotContain(sample, placed, recent, coordination);
        assertThat(run.path("erased").findValues("dataKeysDestroyed").stream().mapToInt(JsonNode::asInt).min().orElseThrow()).isEqualTo(2);
        assertThat(http.as("lars").get("/api/v1/persons/" + due + "/history").json().findValuesAsString("type")).contains("PersonErased");
        assertThat(personsIn(http.as("lars").get("/api/v1/retention/due").json().path("due"))).doesNotContain(due);
        assertThat(http.as("lars").post("/api/v1/audit/checkpoints", Map.of()).status()).isLessThan(300);
        assertThat(http.as("ivo").get("/api/v1/audit/verify").field("status")).isEqualTo("INTACT");
    }

    @Test
    void aUnitHeadSeesAndErasesOnlyChildrenWhoseCaseFilesAreAllInTheirUnit() {
        String theirs = childWithCase(LocalDate.of(2012, 4, 14), "2019-05-02T09:00:00Z", null, false, "central-reception");
        String shared = childWithCase(LocalDate.of(2012, 4, 14), "2019-05-02T09:00:00Z", null, false, "vivalla");
        caseOf(PersonId.of(shared), Instant.parse("2019-05-02T09:00:00Z"), "central-reception");
        String inAnotherUnitsHousehold = childWithCase(LocalDate.of(2012, 4, 14), "2019-05-02T09:00:00Z", null, false, "vivalla");
        householdFileOf(PersonId.of(inAnotherUnitsHousehold), "central-reception");

        JsonNode dryRun = http.as("lars").get("/api/v1/retention/due").json();

        assertThat(personsIn(dryRun.path("due"))).doesNotContain(theirs, shared, inAnotherUnitsHousehold);
        assertThat(dryRun.path("dueInOtherUnits").asInt()).isPositive();
        assertThat(personsIn(http.as("ivo").get("/api/v1/retention/due").json().path("due"))).contains(theirs, shared);

        JsonNode run = http.as("lars").post("/api/v1/retention/run", Map.of()).json();

        assertThat(personsIn(run.path("erased"))).doesNotContain(theirs, shared, inAnotherUnitsHousehold);
        assertThat(jdbc.sql("SELECT count(*) FROM person_access WHERE erased AND person_id IN (?::uuid, ?::uuid)")
                .params(theirs, shared).query(Long.class).single()).isZero();
    }

    @Test
    void givenAChildWithoutAKnownBirthDayWhenTheDryRunDecidesThenTheChildIsKeptForAPersonsDecisionWithTheReason() {
        String reserveNumbered = childWithReserveNumber("2019-05-02T09:00:00Z");
        String neverRegistered = caseOfAnUnregisteredChild("2019-05-02T09:00:00Z");

        JsonNode dryRun = http.as("lars").get("/api/v1/retention/due").json();

        assertThat(personsIn(dryRun.path("due"))).doesNotContain(reserveNumbered, neverRegistered);
        JsonNode reserve = decisionOf(dryRun.path("needsDecision"), reserveNumbered);
        assertThat(reserve.path("verdict").asString()).isEqualTo("NEEDS_DECISION");
        assertThat(reserve.path("rule").asString()).isEqualTo("BIRTH_DAY_UNKNOWN");
        assertThat(reserve.path("detail").asString()).isEqualTo("RESERVE_NUMBER");
        assertThat(reserve.path("explanation").asString()).contains("födelsedagen är okänd", "reservnummer");
        assertThat(ruleOf(dryRun.path("needsDecision"), neverRegistered)).isEqualTo("NOT_REGISTERED");
        assertThat(decisionOf(http.as("lars").get("/api/v1/retention/due?lang=en").json().path("needsDecision"), reserveNumbered)
                .path("explanation").asString()).contains("day of birth is unknown", "reserve number");

        JsonNode run = http.as("lars").post("/api/v1/retention/run", Map.of()).json();

        assertThat(personsIn(run.path("erased"))).doesNotContain(reserveNumbered, neverRegistered);
        assertThat(jdbc.sql("SELECT count(*) FROM data_key WHERE owner_id IN (?::uuid, ?::uuid) AND wrapped_key IS NULL")
                .params(reserveNumbered, neverRegistered).query(Long.class).single()).isZero();
    }

    @Test
    void givenAHouseholdMemberWhenTheHouseholdsFilesAreDueThenTheMemberIsErasedWithThemAndKeptWhileOneIsKept() {
        String child = childWithCase(LocalDate.of(2012, 3, 14), "2019-05-02T09:00:00Z", null);
        String parent = memberOfHouseholdOf(child, "2019-05-02T09:00:00Z");
        String placedChild = childWithCase(LocalDate.of(2012, 3, 14), "2019-05-02T09:00:00Z", InterventionType.PLACEMENT);
        String placedChildsParent = memberOfHouseholdOf(placedChild, "2019-05-02T09:00:00Z");

        JsonNode dryRun = http.as("lars").get("/api/v1/retention/due").json();

        assertThat(ruleOf(dryRun.path("due"), parent)).isEqualTo("HOUSEHOLD_FILES_ERASED");
        assertThat(decisionOf(dryRun.path("due"), parent).path("subject").asString()).isEqualTo("HOUSEHOLD_MEMBER");
        assertThat(ruleOf(dryRun.path("kept"), placedChildsParent)).isEqualTo("HOUSEHOLD_FILE_KEPT");

        JsonNode run = http.as("lars").post("/api/v1/retention/run", Map.of()).json();

        assertThat(personsIn(run.path("erased"))).contains(child, parent).doesNotContain(placedChild, placedChildsParent);
        assertThat(http.as("lars").get("/api/v1/persons/" + parent + "/history").json().findValuesAsString("type")).contains("PersonErased");
    }

    /** A child registered by a reserve number, which names no day of birth, and a case of theirs, recorded at the time. */
    private String childWithReserveNumber(String recordedAt) {
        Instant at = Instant.parse(recordedAt);
        PersonId child = PersonId.random();
        HouseholdId household = HouseholdId.random();
        transaction.executeWithoutResult(status -> {
            eventStore.publish(new GenericDomainEventMessage<>("Person", child.toString(), 0,
                    new PersonRegistered(child, null, "RES-" + UUID.randomUUID(), "Kim Reserv", false, household, envelope(at))));
            eventStore.publish(openedAt(CaseId.random(), child, household, at));
        });
        return child.toString();
    }

    /** A case whose child was never registered: the ledger knows nothing of the child's birth. */
    private String caseOfAnUnregisteredChild(String recordedAt) {
        Instant at = Instant.parse(recordedAt);
        PersonId child = PersonId.random();
        transaction.executeWithoutResult(status -> eventStore.publish(openedAt(CaseId.random(), child, HouseholdId.random(), at)));
        return child.toString();
    }

    /** A parent registered, at the time, into the household of the child's case. */
    private String memberOfHouseholdOf(String child, String recordedAt) {
        Instant at = Instant.parse(recordedAt);
        HouseholdId household = HouseholdId.of(jdbc.sql("SELECT household_id::text FROM case_access WHERE child_id = ?::uuid")
                .param(child).query(String.class).single());
        PersonId parent = PersonId.random();
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Person", parent.toString(), 0,
                new PersonRegistered(parent, PersonalIdentityNumber.of(Fixtures.identityNumber(LocalDate.of(1985, 6, 12))), null,
                        "Alex Förälder", false, household, envelope(at)))));
        return parent.toString();
    }

    private static GenericDomainEventMessage<LedgerEvent> openedAt(CaseId caseId, PersonId child, HouseholdId household, Instant at) {
        return new GenericDomainEventMessage<>("Case", caseId.toString(), 0, new CaseOpened(caseId,
                CaseNumber.of(at.toString().substring(0, 4) + "-" + (70000 + (int) (Math.random() * 29999))), UnitId.of("vivalla"),
                CaseOrigin.APPLICATION, child, household, at, envelope(at)));
    }

    /** A child registered and a case of theirs with a note, all recorded at the given time, optionally with an intervention. */
    private String childWithCase(LocalDate born, String recordedAt, InterventionType intervention) {
        return childWithCase(born, recordedAt, intervention, false);
    }

    private String childWithCase(LocalDate born, String recordedAt, InterventionType intervention, boolean coordinationNumber) {
        return childWithCase(born, recordedAt, intervention, coordinationNumber, "vivalla");
    }

    private String childWithCase(LocalDate born, String recordedAt, InterventionType intervention, boolean coordinationNumber,
                                 String unit) {
        Instant at = Instant.parse(recordedAt);
        PersonId child = PersonId.random();
        CaseId caseId = CaseId.random();
        HouseholdId household = HouseholdId.random();
        List<GenericDomainEventMessage<LedgerEvent>> person = List.of(new GenericDomainEventMessage<>("Person", child.toString(), 0,
                new PersonRegistered(child, PersonalIdentityNumber.of(coordinationNumber
                        ? Fixtures.coordinationNumber(born) : Fixtures.identityNumber(born)), null, "Kim Arkiv", false, household,
                        envelope(at))));
        List<GenericDomainEventMessage<LedgerEvent>> file = new ArrayList<>();
        file.add(new GenericDomainEventMessage<>("Case", caseId.toString(), 0, new CaseOpened(caseId,
                CaseNumber.of(at.toString().substring(0, 4) + "-" + (70000 + (int) (Math.random() * 29999))), UnitId.of(unit),
                CaseOrigin.APPLICATION, child, household, at, envelope(at))));
        file.add(new GenericDomainEventMessage<>("Case", caseId.toString(), 1, new JournalNoteRecorded(caseId, NoteId.random(),
                "An old conversation.", envelope(at))));
        if (intervention != null) {
            file.add(new GenericDomainEventMessage<>("Case", caseId.toString(), 2, new InterventionOffered(caseId, InterventionId.random(),
                    intervention, true, envelope(at))));
        }
        transaction.executeWithoutResult(status -> {
            eventStore.publish(person);
            eventStore.publish(file);
        });
        return child.toString();
    }

    /** A case of the unit, open today, for another child of the household the child was registered in. */
    private void householdFileOf(PersonId child, String unit) {
        HouseholdId household = HouseholdId.of(jdbc.sql("SELECT household_id::text FROM person_access WHERE person_id = ?")
                .param(child.value()).query(String.class).single());
        Instant now = Instant.now();
        CaseId caseId = CaseId.random();
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Case", caseId.toString(), 0,
                new CaseOpened(caseId, CaseNumber.of("2026-" + (70000 + (int) (Math.random() * 29999))), UnitId.of(unit),
                        CaseOrigin.APPLICATION, PersonId.random(), household, now, envelope(now)))));
    }

    /** Another case of the child, in the unit, recorded at the time. */
    private void caseOf(PersonId child, Instant at, String unit) {
        CaseId caseId = CaseId.random();
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Case", caseId.toString(), 0,
                new CaseOpened(caseId, CaseNumber.of(at.toString().substring(0, 4) + "-" + (70000 + (int) (Math.random() * 29999))),
                        UnitId.of(unit), CaseOrigin.APPLICATION, child, HouseholdId.random(), at, envelope(at)))));
    }

    private static Envelope envelope(Instant at) {
        return new Envelope(StaffId.of("anna.lind"), Role.SOCIAL_SECRETARY, UnitId.of("vivalla"), at, at, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), null);
    }

    private static List<String> personsIn(JsonNode list) {
        return list.findValuesAsString("personId");
    }

    private static String ruleOf(JsonNode list, String personId) {
        return decisionOf(list, personId).path("rule").asString();
    }

    private static JsonNode decisionOf(JsonNode list, String personId) {
        for (JsonNode candidate : list) {
            if (candidate.path("personId").asString().equals(personId)) {
                return candidate;
            }
        }
        return MissingNode.getInstance();
    }
}
