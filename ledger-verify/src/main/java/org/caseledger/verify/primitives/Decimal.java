package org.caseledger.verify.primitives;

import java.util.OptionalLong;

/**
 * Non-negative decimal numbers as the tlog formats write them: ASCII digits, no sign, no leading zero (except "0"
 * itself), and no larger than {@link Long#MAX_VALUE}. The formats allow unsigned 64-bit sizes; no real log comes near
 * 2^63 leaves, and refusing beyond it keeps every size a plain {@code long}.
 */
public final class Decimal {

    private static final int MAX_DIGITS = 19;

    private Decimal() {
    }

    public static OptionalLong parse(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_DIGITS || (length > 1 && text.charAt(0) == '0')) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return OptionalLong.empty();
            }
            value = value * 10 + digit;
        }
        return OptionalLong.of(value);
    }
}
