package org.caseledger.core.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A value that is malformed on its own (a bad identity number, a blank required text), before any rule applies. It
 * carries the facts, not the wording: which field, which {@link ValueProblem}, and the values the wording needs, so
 * that the API can say it in the reader's language. The message is English, for logs and tests.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;
    private final ValueProblem problem;
    private final transient List<Object> facts;

    /**
     * @param field the input as a client names it ({@code plannedAt}, {@code If-Match}), or null if the problem is
     *              about the request as a whole
     */
    public InvalidValueException(String field, ValueProblem problem, String message, Object... facts) {
        super(message);
        this.field = field;
        this.problem = problem;
        // A fact may be unknown (null); the wording then says less, it does not fail.
        this.facts = Collections.unmodifiableList(Arrays.asList(facts.clone()));
    }

    public String field() {
        return field;
    }

    public ValueProblem problem() {
        return problem;
    }

    public List<Object> facts() {
        return facts;
    }
}
