package org.caseledger.api.problems;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A refusal a feature answers with one of the {@link ProblemType}s, with the facts its words need; the API's exception
 * handler words it. A feature throws this rather than building a problem itself, so that it need not know the request,
 * and the handler need not know the feature. A refusal that says more than its type's detail names its own text
 * ({@link BundleText}); one that gives a program more members implements {@link ProblemProperties}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient BundleText detail;
    private final transient List<Object> facts;

    public ProblemException(ProblemType type, String message, Object... facts) {
        this(type, null, message, facts);
    }

    /** A refusal whose detail is its own text of the bundles, filled with the facts, rather than its type's. */
    public ProblemException(ProblemType type, BundleText detail, String message, Object... facts) {
        super(message);
        this.type = type;
        this.detail = detail;
        // A fact may be unknown (null); the wording then says less, it does not fail.
        this.facts = Collections.unmodifiableList(Arrays.asList(facts.clone()));
    }

    public ProblemType type() {
        return type;
    }

    /** The text of the detail: the refusal's own, else its type's. */
    public BundleText detail() {
        return detail != null ? detail : new BundleText("problem." + type.slug() + ".detail");
    }

    public List<Object> facts() {
        return facts;
    }
}
