package org.caseledger.verify.json;

/** A number the reader was allowed to keep without interpreting it (a fraction, an exponent, or beyond a long). */
public record JsonNumber(String text) {
}
