package org.caseledger.api.problems;

/**
 * A text of the message bundles, by its key: as the detail of a refusal, or as a fact of one, which is then worded in
 * the reader's language before it fills the detail (the reason an access was refused).
 */
public record BundleText(String key) {

    public BundleText {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a text of the bundles is named by its key");
        }
    }
}
