package org.caseledger.api.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failed sign-ins of one kind of key (user names, or client addresses), in memory, with the locks they made.
 * Bounded: at most {@code capacity} keys, kept in the order of their latest failure. A key whose failures are all
 * forgotten and that is not locked goes first; when the memory is full, the key that failed longest ago and is not
 * locked goes, and only when every key is locked the oldest lock. So invented names cannot grow the memory, and
 * cannot push out a lock either unless they are locked themselves.
 */
final class FailureCounts {

    /** What is known of one key: the failures remembered, since when they are counted down, and the lock. */
    private static final class Entry {
        int failures;
        Instant countedDownAt;
        Instant lockedUntil;
    }

    /** A key's state at a moment, as the throttle and the administrator see it. */
    record State(String key, int failures, Instant lockedUntil, boolean lockBegan) {
    }

    /** Beyond this the count is no longer raised: the lock is long at its maximum. */
    private static final int MAX_FAILURES = 1_000;
    /** A failure looks at this many of the oldest keys for ones that are spent. */
    private static final int SWEEP = 4;

    private final SignInProperties.Limit limit;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    FailureCounts(SignInProperties.Limit limit, int capacity) {
        this.limit = limit;
        this.capacity = capacity;
    }

    /** When the key's lock ends, or {@code null} if it is not locked at {@code now}. */
    synchronized Instant lockedUntil(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry != null && entry.lockedUntil != null && entry.lockedUntil.isAfter(now) ? entry.lockedUntil : null;
    }

    /** Counts a failure of the key at {@code now} and locks it if the failures remembered reach the allowance. */
    synchronized State fail(String key, Instant now) {
        Entry entry = entries.remove(key);
        if (entry == null) {
            entry = new Entry();
            entry.countedDownAt = now;
        }
        countDown(entry, now);
        entry.failures = Math.min(entry.failures + 1, MAX_FAILURES);
        Duration lock = limit.lockAfter(entry.failures);
        boolean lockBegan = false;
        if (!lock.isZero()) {
            Instant until = now.plus(lock);
            lockBegan = entry.lockedUntil == null || !entry.lockedUntil.isAfter(now);
            if (lockBegan || until.isAfter(entry.lockedUntil)) {
                entry.lockedUntil = until;
            }
        }
        entries.put(key, entry);
        sweep(key, now);
        return new State(key, entry.failures, entry.lockedUntil, lockBegan);
    }

    /** Forgets the key's failures and lifts its lock; false if nothing was known of it. */
    synchronized boolean forget(String key) {
        return entries.remove(key) != null;
    }

    /** The keys locked at {@code now}, the longest lock first. */
    synchronized List<State> locked(Instant now) {
        List<State> locked = new ArrayList<>();
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> next = it.next();
            Entry entry = next.getValue();
            countDown(entry, now);
            if (isLocked(entry, now)) {
                locked.add(new State(next.getKey(), entry.failures, entry.lockedUntil, false));
            } else if (entry.failures == 0) {
                it.remove();
            }
        }
        locked.sort((a, b) -> b.lockedUntil().compareTo(a.lockedUntil()));
        return locked;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Forgets one failure for every {@code forget-one-every} that has passed since the count was last lowered. */
    private void countDown(Entry entry, Instant now) {
        if (entry.failures == 0) {
            entry.countedDownAt = now;
            return;
        }
        long forgotten = Duration.between(entry.countedDownAt, now).dividedBy(limit.forgetOneEvery());
        if (forgotten <= 0) {
            return;
        }
        if (forgotten >= entry.failures) {
            entry.failures = 0;
            entry.countedDownAt = now;
        } else {
            entry.failures -= (int) forgotten;
            entry.countedDownAt = entry.countedDownAt.plus(limit.forgetOneEvery().multipliedBy(forgotten));
        }
    }

    /**
     * Drops spent keys among the oldest and, while over capacity, the oldest unlocked key other than the one that just
     * failed (or, if every other key is locked, the oldest): the key failing now is the one to keep counting.
     */
    private void sweep(String failing, Instant now) {
        Iterator<Entry> oldest = entries.values().iterator();
        for (int i = 0; i < SWEEP && oldest.hasNext(); i++) {
            Entry entry = oldest.next();
            countDown(entry, now);
            if (entry.failures == 0 && !isLocked(entry, now)) {
                oldest.remove();
            }
        }
        while (entries.size() > capacity) {
            Iterator<Map.Entry<String, Entry>> candidates = entries.entrySet().iterator();
            boolean removed = false;
            while (candidates.hasNext() && !removed) {
                Map.Entry<String, Entry> candidate = candidates.next();
                if (!candidate.getKey().equals(failing) && !isLocked(candidate.getValue(), now)) {
                    candidates.remove();
                    removed = true;
                }
            }
            if (!removed) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
    }

    private static boolean isLocked(Entry entry, Instant now) {
        return entry.lockedUntil != null && entry.lockedUntil.isAfter(now);
    }
}
