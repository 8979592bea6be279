package org.caseledger.api.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-ins an account and a client address are allowed before they are locked, and for how long.
 * Each failure is remembered until it is forgotten: one every {@code forget-one-every}, so a steady trickle of
 * typing errors below that rate never adds up to a lock. Once the failures remembered reach the allowance, every
 * further failure locks for {@code first-lock}, doubled for each failure beyond the allowance, at most
 * {@code max-lock}; while locked, an attempt is refused before its password is checked.
 *
 * @param account    the limit per user name tried, whether or not such a user exists
 * @param address    the limit per client address; larger, since many members of staff may share an office's address
 * @param maxTracked how many accounts, and how many addresses, are remembered at most; beyond it the least recently
 *                   failing unlocked one is forgotten first, so that no stream of invented names grows the memory
 */
@ConfigurationProperties("ledger.sign-in")
public record SignInProperties(Limit account, Limit address, int maxTracked) {

    public SignInProperties {
        required(account, "account");
        required(address, "address");
        if (maxTracked < 100) {
            throw new IllegalArgumentException("ledger.sign-in.max-tracked must be at least 100, not " + maxTracked);
        }
    }

    /**
     * @param allowance      failures remembered before the first lock
     * @param firstLock      how long the first lock lasts; each further failure doubles it
     * @param maxLock        the longest lock
     * @param forgetOneEvery how often one remembered failure is forgotten
     */
    public record Limit(int allowance, Duration firstLock, Duration maxLock, Duration forgetOneEvery) {

        /** The lock that a failure makes when {@code failures} are remembered with it, or zero if it makes none. */
        Duration lockAfter(int failures) {
            if (failures < allowance) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - allowance, 30);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            return lock.compareTo(maxLock) > 0 ? maxLock : lock;
        }
    }

    private static void required(Limit limit, String name) {
        String prefix = "ledger.sign-in." + name + ".";
        if (limit == null || limit.firstLock() == null || limit.maxLock() == null || limit.forgetOneEvery() == null) {
            throw new IllegalArgumentException(prefix + "allowance, first-lock, max-lock and forget-one-every must all be set");
        }
        if (limit.allowance() < 1 || !isPositive(limit.firstLock()) || limit.maxLock().compareTo(limit.firstLock()) < 0
                || !isPositive(limit.forgetOneEvery())) {
            throw new IllegalArgumentException(prefix + "allowance must be at least 1, first-lock and forget-one-every positive, "
                    + "and max-lock at least first-lock");
        }
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
