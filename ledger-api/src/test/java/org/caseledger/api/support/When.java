package org.caseledger.api.support;

/** One request of a member of staff, the act a test is about: {@code when("sara").gets(path)}. */
public final class When {

    private final LedgerHttp http;

    When(LedgerHttp http) {
        this.http = http;
    }

    public When withHeader(String name, String value) {
        return new When(http.header(name, value));
    }

    public Then gets(String path) {
        return new Then(http.get(path), null);
    }

    public Then posts(String path, Object body) {
        return new Then(http.post(path, body), null);
    }
}
