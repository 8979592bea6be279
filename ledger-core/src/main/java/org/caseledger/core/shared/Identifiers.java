package org.caseledger.core.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of identifier text, with errors that say which identifier was malformed. */
public final class Identifiers {

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Identifiers() {
    }

    public static UUID uuid(String text, String field) {
        Require.matching(text, UUID_TEXT, field, ValueProblem.UUID_FORMAT, "a UUID such as 3f2a0c1e-8d4b-4a57-9c1f-2b7e5d9a6c30");
        return UUID.fromString(text);
    }
}
