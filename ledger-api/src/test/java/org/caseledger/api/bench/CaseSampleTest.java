package org.caseledger.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaseSampleTest {

    @Test
    void givenFewerCasesThanItHoldsWhenOfferedThenItKeepsEveryOne() {
        CaseSample sample = new CaseSample(10, 1);
        List<String> cases = cases(4);

        cases.forEach(sample::offer);

        assertThat(sample.ids()).containsExactlyElementsOf(cases);
        assertThat(sample.offered()).isEqualTo(4);
    }

    @Test
    void givenMoreCasesThanItHoldsWhenOfferedThenItKeepsItsSizeAndOnlyCasesOffered() {
        CaseSample sample = new CaseSample(100, 1);
        List<String> cases = cases(10_000);

        cases.forEach(sample::offer);

        assertThat(sample.size()).isEqualTo(100);
        assertThat(sample.offered()).isEqualTo(10_000);
        assertThat(new HashSet<>(sample.ids())).hasSize(100).isSubsetOf(cases);
        assertThat(cases).contains(sample.any());
    }

    @Test
    void givenMoreCasesThanItHoldsWhenOfferedThenTheLaterCasesAreKeptAsOftenAsTheEarlierOnes() {
        CaseSample sample = new CaseSample(1_000, 7);
        List<String> cases = cases(10_000);

        cases.forEach(sample::offer);

        Set<String> kept = new HashSet<>(sample.ids());
        long fromFirstHalf = cases.subList(0, 5_000).stream().filter(kept::contains).count();
        assertThat(fromFirstHalf).isBetween(430L, 570L);
    }

    @Test
    void givenNoCaseWhenOneIsAskedForThenItIsRefused() {
        assertThatThrownBy(() -> new CaseSample(1, 1).any()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new CaseSample(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> cases(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }
}
