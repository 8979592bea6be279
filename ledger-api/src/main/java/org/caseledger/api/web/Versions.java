package org.caseledger.api.web;

import java.util.regex.Pattern;
import org.caseledger.core.shared.InvalidValueException;
import org.caseledger.core.shared.ValueProblem;

/** The version of an aggregate is the sequence number of its last event; it travels as a strong ETag. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** What {@code If-Match} may say: one version as sent in {@code ETag}, or {@code *}. */
    public static final Pattern IF_MATCH_FORMAT = Pattern.compile("^(\\*|\"[0-9]{1,18}\")$");

    /** {@code If-Match: *}: any current version, as long as the resource exists. */
    public static final long ANY = Long.MIN_VALUE;

    /** Parses {@code If-Match}: a single quoted version, or {@code *}. {@code null} when the header is absent. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return ANY;
        }
        if (!IF_MATCH_FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("If-Match", ValueProblem.VERSION_FORMAT,
                    "If-Match must be one version as sent in ETag, such as \"3\"");
        }
        return Long.parseLong(value.substring(1, value.length() - 1));
    }
}
