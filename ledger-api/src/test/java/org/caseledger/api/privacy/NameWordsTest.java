package org.caseledger.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words a name is found by: whole words, in one Unicode form and lower case, whatever stands between them. */
class NameWordsTest {

    @Test
    void givenANameWithAHyphenAndSwedishLettersWhenSplitThenEachWordIsLowerCaseAndTheLettersAreKept() {
        assertThat(IdentityLookup.words("Anna-Karin  ÅBERG")).containsExactly("anna", "karin", "åberg");
    }

    @Test
    void givenTheSameLetterWrittenComposedOrDecomposedWhenSplitThenBothGiveTheSameWord() {
        assertThat(IdentityLookup.words("A\u030Aberg")).isEqualTo(IdentityLookup.words("\u00C5berg"));
    }

    @Test
    void givenOnlyPunctuationWhenSplitThenThereIsNoWordToSearchFor() {
        assertThat(IdentityLookup.words(" - . ")).isEmpty();
    }
}
