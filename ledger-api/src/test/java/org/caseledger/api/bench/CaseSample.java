package org.caseledger.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A uniform random sample of the cases stored so far, of a fixed size, held in memory that does not grow with the
 * ledger (reservoir sampling, each id as two longs allocated up front): the growth benchmark measures the heap as the
 * ledger grows, so what the harness itself holds must stay the same size from the first event to the last.
 */
final class CaseSample {

    private final long[] most;
    private final long[] least;
    private final Random random;
    private int size;
    private long offered;

    CaseSample(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a sample holds at least one case");
        }
        this.most = new long[capacity];
        this.least = new long[capacity];
        this.random = new Random(seed);
    }

    /** One more stored case; kept with the chance that keeps every case offered so far equally likely to be in the sample. */
    synchronized void offer(String caseId) {
        UUID id = UUID.fromString(caseId);
        long slot = size < most.length ? size++ : (long) (random.nextDouble() * (offered + 1));
        offered++;
        if (slot < most.length) {
            most[(int) slot] = id.getMostSignificantBits();
            least[(int) slot] = id.getLeastSignificantBits();
        }
    }

    /** Cases offered so far, kept or not. */
    synchronized long offered() {
        return offered;
    }

    synchronized int size() {
        return size;
    }

    /** One of the kept cases, at random. */
    synchronized String any() {
        if (size == 0) {
            throw new IllegalStateException("no case stored yet");
        }
        return id(random.nextInt(size));
    }

    /** Every kept case. */
    synchronized List<String> ids() {
        List<String> ids = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    private String id(int slot) {
        return new UUID(most[slot], least[slot]).toString();
    }
}
