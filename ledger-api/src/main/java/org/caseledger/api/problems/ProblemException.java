package org.caseledger.api.problems;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A refusal a feature answers with one of the {@link ProblemType}s, with the facts its words need; the API's exception
 * handler words it. A feature throws this rather than building a problem itself, so that it need not know the request.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Object> facts;

    public ProblemException(ProblemType type, String message, Object... facts) {
        super(message);
        this.type = type;
        // A fact may be unknown (null); the wording then says less, it does not fail.
        this.facts = Collections.unmodifiableList(Arrays.asList(facts.clone()));
    }

    public ProblemType type() {
        return type;
    }

    public List<Object> facts() {
        return facts;
    }
}
