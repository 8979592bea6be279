package org.caseledger.projections.wording;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The {@code wording} bundles on their own, read as the ledger reads all its bundles (UTF-8, no falling back to the
 * machine's language): for a reader of the ledger's facts that has no application around it, the auditor's kit.
 */
public final class WordingBundles {

    /** The bundles' base name; the ledger lists it beside its own {@code messages}. */
    public static final String BASENAME = "wording";

    private WordingBundles() {
    }

    public static ResourceBundleMessageSource messages(String... moreBasenames) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.addBasenames(moreBasenames);
        messages.addBasenames(BASENAME);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
