package org.caseledger.api.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is so before the act a test is about, brought about through the API as staff would: {@code given().aPerson("Alva")
 * .registeredBy("anna")}, {@code given().aCaseFor(child).inHousehold(household).onSchoolReport("…").openedBy("sara")}.
 * Each step checks that it was recorded, so that a test fails where its world could not be made, not later.
 */
public final class Given {

    private final LedgerHttp http;

    Given(LedgerHttp http) {
        this.http = http;
    }

    /** A child registered by anna, with a fresh identity number. */
    public String aRegisteredChild() {
        return Fixtures.registerChild(http);
    }

    /** A case opened by anna on a school's report about a child registered for it; answers the case's id. */
    public String anOpenCase() {
        return Fixtures.openCase(http);
    }

    /** A person about to be registered, with a fresh identity number. */
    public Person aPerson(String name) {
        return new Person(name, false, null);
    }

    /** A case about to be opened about the child. */
    public Case aCaseFor(String child) {
        return new Case(child, null, null);
    }

    /** Any write done before the act by the member of staff, which must be recorded (200 or 201). */
    public Done that(String user) {
        return new Done(http.as(user));
    }

    /** A person to register: {@code protectedIdentity} is always sent, the household only when named. */
    public final class Person {

        private final String name;
        private final boolean protectedIdentity;
        private final String household;

        private Person(String name, boolean protectedIdentity, String household) {
            this.name = name;
            this.protectedIdentity = protectedIdentity;
            this.household = household;
        }

        public Person withProtectedIdentity() {
            return new Person(name, true, household);
        }

        public Person inHousehold(String household) {
            return new Person(name, protectedIdentity, household);
        }

        /** Registers the person as the member of staff (201) and answers the person's id. */
        public String registeredBy(String user) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("identityNumber", Fixtures.identityNumber(), "name", name,
                    "protectedIdentity", protectedIdentity));
            if (household != null) {
                body.put("household", household);
            }
            return new Then(http.as(user).post("/api/v1/persons", body), null).isCreated().field("personId");
        }
    }

    /** A case to open about a child in a household, on a school's report received 2026-03-02 08:15. */
    public final class Case {

        private final String child;
        private final String household;
        private final String summary;

        private Case(String child, String household, String summary) {
            this.child = child;
            this.household = household;
            this.summary = summary;
        }

        public Case inHousehold(String household) {
            return new Case(child, household, summary);
        }

        public Case onSchoolReport(String summary) {
            return new Case(child, household, summary);
        }

        /** Opens the case as the member of staff (201) and answers its id. */
        public String openedBy(String user) {
            return new Then(http.as(user).post("/api/v1/cases", Map.of("origin", "REPORT_OF_CONCERN", "child", child,
                    "household", household, "receivedAt", "2026-03-02T08:15:00Z",
                    "report", Map.of("reporterType", "SCHOOL", "summary", summary))), null).isCreated().field("caseId");
        }
    }

    /** The writes of one member of staff before the act. */
    public static final class Done {

        private final LedgerHttp http;

        private Done(LedgerHttp http) {
            this.http = http;
        }

        public LedgerHttp.Response posted(String path, Object body) {
            return new Then(http.post(path, body), null).isRecorded();
        }
    }
}
