package org.caseledger.api.database;

import java.util.regex.Pattern;

/**
 * The name of a PostgreSQL role as the ledger's configuration gives it. Only plain lower-case names are taken, so that a
 * name goes into SQL (a grant, {@code SET ROLE}, the bootstrap) without quoting and cannot carry anything else.
 */
public record RoleName(String value) {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RoleName {
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("a role name must be 1-63 of a-z, 0-9 and _, starting with a letter or _, not " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
