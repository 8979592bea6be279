package org.caseledger.core.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for {@code AggregateTestFixture#expectException(Matcher)}: the exception type and its rule or value problem. */
public final class LedgerRuleMatchers {

    private LedgerRuleMatchers() {
    }

    /** A {@link LedgerRuleViolation} of exactly this rule; any other exception or rule is a mismatch. */
    public static Matcher<LedgerRuleViolation> violates(LedgerRule rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerRuleViolation violation, Description mismatch) {
                if (violation.rule() != rule) {
                    mismatch.appendText("violated ").appendValue(violation.rule()).appendText(": ").appendText(violation.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a LedgerRuleViolation of ").appendValue(rule);
            }
        };
    }

    /** An {@link InvalidValueException} naming exactly this problem of a value. */
    public static Matcher<InvalidValueException> invalid(ValueProblem problem) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidValueException invalid, Description mismatch) {
                if (invalid.problem() != problem) {
                    mismatch.appendText("named ").appendValue(invalid.problem()).appendText(": ").appendText(invalid.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an InvalidValueException of ").appendValue(problem);
            }
        };
    }
}
