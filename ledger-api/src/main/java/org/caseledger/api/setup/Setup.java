package org.caseledger.api.setup;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Where the ledger keeps its data, which decides what it may do on its own. The embedded default is a newcomer's first
 * run on their own machine: it starts its own PostgreSQL, migrates it at start, creates its key files and may fill
 * itself with demo data, so that one command just works. On a database server every one of those is an operator's
 * deliberate step (docs/operations.md, "Setting up on a database server"), and the ledger refuses to take it by itself.
 */
public enum Setup {

    /** No {@code spring.datasource.url}: an embedded PostgreSQL with its data under {@code ./data}. */
    EMBEDDED,

    /** A PostgreSQL server named by {@code spring.datasource.url}. */
    SERVER;

    public static Setup of(PropertyResolver properties) {
        return StringUtils.hasText(properties.getProperty("spring.datasource.url")) ? SERVER : EMBEDDED;
    }

    /**
     * Whether a missing signing-key or master-key file may be created at start. Only the embedded default may: on a
     * server a missing file is a mistake (a typo in a path, a volume not mounted) that a new key would hide.
     */
    public boolean createsMissingKeys() {
        return this == EMBEDDED;
    }
}
