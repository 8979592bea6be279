package org.caseledger.api.problems;

/**
 * One entry of a problem's {@code errors}: the input that is wrong and why, in the reader's language. {@code field}
 * is the member's path in the JSON body ({@code report.summary}, {@code members[2]}), or the name of the query
 * parameter, path variable or header; null when the input cannot be named (an unknown member with an unprintable name).
 */
public record FieldError(String field, String message) {
}
