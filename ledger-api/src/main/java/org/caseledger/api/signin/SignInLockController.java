package org.caseledger.api.signin;

import java.util.List;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's view of the sign-in locks of this node, and their release: for a member of staff locked out
 * by someone else's guessing, or an office whose shared address was. A release forgets the failures too.
 */
@RestController
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "users", matchIfMissing = true)
class SignInLockController {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLockController.class);

    private final SignInThrottle throttle;

    SignInLockController(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/api/v1/admin/sign-in-locks")
    List<SignInThrottle.Locked> locks() {
        return throttle.locks();
    }

    @DeleteMapping("/api/v1/admin/sign-in-locks/accounts/{username}")
    ResponseEntity<Void> unlockAccount(@PathVariable String username) {
        if (!throttle.unlockAccount(username)) {
            throw new NotFoundException("no failed sign-ins are remembered for this user name");
        }
        LOG.info("sign-in lock and failures of account '{}' lifted by {}", SignInThrottle.printable(username),
                CurrentStaff.get().staffId().value());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/admin/sign-in-locks/addresses/{address}")
    ResponseEntity<Void> unlockAddress(@PathVariable String address) {
        if (!throttle.unlockAddress(address)) {
            throw new NotFoundException("no failed sign-ins are remembered for this address");
        }
        LOG.info("sign-in lock and failures of address {} lifted by {}", SignInThrottle.printable(address),
                CurrentStaff.get().staffId().value());
        return ResponseEntity.noContent().build();
    }
}
