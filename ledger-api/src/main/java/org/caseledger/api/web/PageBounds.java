package org.caseledger.api.web;

import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;

/** The bounds of a page of a list: it starts at 0 or later and holds 1 to {@value #MOST} entries. */
public final class PageBounds {

    public static final int MOST = 1000;

    private PageBounds() {
    }

    /** Refuses a page that starts before the list or holds no entry or more than {@value #MOST}. */
    public static void check(String startName, long start, int limit) {
        if (start < 0) {
            throw new InvalidValueException(startName, ValueProblem.NOT_NEGATIVE, startName + " must be 0 or more");
        }
        if (limit < 1 || limit > MOST) {
            throw new InvalidValueException("limit", ValueProblem.OUT_OF_RANGE, "limit must be between 1 and " + MOST, 1, MOST);
        }
    }
}
