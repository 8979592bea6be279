package org.caseledger.api.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per user name and per client address and says whether an attempt is locked out. A user name
 * is counted whether or not such a user exists, so a lock says nothing about which names are real.
 * <p>
 * The counts live in this node's memory: with several nodes behind a load balancer each counts only the attempts it
 * served, so the allowance of the whole ledger is that many times larger (docs/operations.md, "Production"), and a
 * restart forgets them all.
 */
public class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    /** Names are counted by their first characters only; a longer name is nobody's and must not cost more memory. */
    private static final int NAME_LENGTH = 64;

    /** What an attempt is refused for: until when, and whether the account, the address or both are locked. */
    public record Lock(Instant until, Duration remaining, boolean account, boolean address) {

        /** The words for the access log: which lock, and until when. */
        String describe() {
            return (account && address ? "account and address" : account ? "account" : "address") + " locked until " + until;
        }
    }

    /** A lock as the administrator sees it: an account or an address, the failures remembered, and its end. */
    public record Locked(String account, String address, int failures, Instant lockedUntil) {
    }

    private final FailureCounts accounts;
    private final FailureCounts addresses;
    private final Clock clock;

    SignInThrottle(SignInProperties properties, Clock clock) {
        this.accounts = new FailureCounts(properties.account(), properties.maxTracked());
        this.addresses = new FailureCounts(properties.address(), properties.maxTracked());
        this.clock = clock;
    }

    /** The lock an attempt to sign in as {@code name} from {@code address} meets, if any. */
    public Optional<Lock> lockFor(String name, String address) {
        Instant now = clock.instant();
        Instant account = accounts.lockedUntil(accountKey(name), now);
        Instant fromAddress = address == null ? null : addresses.lockedUntil(addressKey(address), now);
        if (account == null && fromAddress == null) {
            return Optional.empty();
        }
        Instant until = account == null ? fromAddress : fromAddress == null || account.isAfter(fromAddress) ? account : fromAddress;
        return Optional.of(new Lock(until, Duration.between(now, until), account != null, fromAddress != null));
    }

    /** A password was checked and was wrong (or the name is no user's). */
    void failed(String name, String address) {
        Instant now = clock.instant();
        FailureCounts.State account = accounts.fail(accountKey(name), now);
        if (account.lockBegan()) {
            LOG.warn("sign-in locked for account '{}' until {} after {} failures; the last from {}", printable(name),
                    account.lockedUntil(), account.failures(), address == null ? "an unknown address" : printable(address));
        }
        if (address != null) {
            FailureCounts.State fromAddress = addresses.fail(addressKey(address), now);
            if (fromAddress.lockBegan()) {
                LOG.warn("sign-in locked for address {} until {} after {} failures; the last for account '{}'", printable(address),
                        fromAddress.lockedUntil(), fromAddress.failures(), printable(name));
            }
        }
    }

    /** A password was right: the account's failures are forgotten. The address's are not, or one account would clear them. */
    void succeeded(String name) {
        accounts.forget(accountKey(name));
    }

    /** Every account and address locked now, accounts first, each kind the longest lock first. */
    public List<Locked> locks() {
        Instant now = clock.instant();
        List<Locked> locks = new ArrayList<>();
        accounts.locked(now).forEach(state -> locks.add(new Locked(state.key(), null, state.failures(), state.lockedUntil())));
        addresses.locked(now).forEach(state -> locks.add(new Locked(null, state.key(), state.failures(), state.lockedUntil())));
        return locks;
    }

    /** Lifts the account's lock and forgets its failures; false if none were remembered. */
    public boolean unlockAccount(String name) {
        return accounts.forget(accountKey(name));
    }

    /** Lifts the address's lock and forgets its failures; false if none were remembered. */
    public boolean unlockAddress(String address) {
        return addresses.forget(addressKey(address));
    }

    /**
     * One key for the ways a name may be typed: the form trims it, and a user store may ignore case (this one does not,
     * so "ANNA" only counts against anna's allowance, which errs on the side of locking).
     */
    static String accountKey(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return key.length() <= NAME_LENGTH ? key : key.substring(0, NAME_LENGTH);
    }

    /** The container's client address; clipped like a name, in case a forwarded header put something longer there. */
    static String addressKey(String address) {
        return address.length() <= NAME_LENGTH ? address : address.substring(0, NAME_LENGTH);
    }

    /** A name as typed may hold line breaks that would forge log lines. */
    static String printable(String name) {
        String clipped = name == null ? "" : name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH) + "…";
        return clipped.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
