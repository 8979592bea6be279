package org.caseledger.api.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.caseledger.api.access.StaffRegistry;
import org.caseledger.api.security.LedgerSecurityProperties;
import org.caseledger.api.web.CommandContext;
import org.caseledger.core.shared.Envelope;
import org.caseledger.core.shared.LedgerCommand;
import org.caseledger.core.shared.LedgerTime;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.StaffId;
import org.caseledger.core.staff.ChangeStaffMembership;
import org.caseledger.core.staff.RegisterStaffMember;
import org.caseledger.core.staff.StaffRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the users mode the configuration is where the office says who works where: a node that is ready enters every
 * configured member of staff the registry lacks, in their unit and role, active since the earliest day the ledger
 * accepts (the configuration says nothing of when anyone began), and records a move from today where the registry
 * has them in another unit or role. Each entry is recorded in the name of {@link #CONFIGURATION}, so an auditor tells
 * it from an administrator's. Auditors are outside inspectors and are never entered; a member the registry says has
 * left stays so (the configuration cannot bring anyone back, an administrator can). In the oidc mode the registry is
 * kept by the administrator alone.
 */
@Component
@ConditionalOnProperty(name = "ledger.security.mode", havingValue = "users", matchIfMissing = true)
class ConfiguredStaff {

    /** The actor of the entries made from the configuration. */
    static final StaffId CONFIGURATION = StaffId.of("ledger-configuration");

    private static final Logger log = LoggerFactory.getLogger(ConfiguredStaff.class);

    private final LedgerSecurityProperties properties;
    private final StaffRegistry registry;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ConfiguredStaff(LedgerSecurityProperties properties, StaffRegistry registry, CommandGateway commands, TransactionTemplate transaction,
                    Clock clock) {
        this.properties = properties;
        this.registry = registry;
        this.commands = commands;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void enterConfiguredStaff() {
        for (LedgerSecurityProperties.ConfiguredUser user : properties.users()) {
            if (StaffRoles.OF_STAFF.contains(user.role())) {
                try {
                    transaction.executeWithoutResult(status -> entryFor(user).ifPresent(commands::sendAndWait));
                } catch (RuntimeException e) {
                    // another node entering the same member at the same moment: its entry stands
                    log.info("{} was not entered from the configuration: {}", user.staffId(), e.getMessage());
                }
            }
        }
    }

    private Optional<LedgerCommand> entryFor(LedgerSecurityProperties.ConfiguredUser user) {
        Instant now = clock.instant();
        LocalDate today = LedgerTime.dayOf(now);
        Envelope envelope = new Envelope(CONFIGURATION, Role.ADMINISTRATOR, user.unit(), now, now, "configuration-" + UUID.randomUUID(),
                UUID.randomUUID().toString(), null);
        Optional<StaffRegistry.Member> member = registry.find(user.staffId());
        if (member.isEmpty()) {
            return Optional.of(new RegisterStaffMember(user.staffId(), StaffNames.fromId(user.staffId()), user.unit(), user.role(),
                    LedgerTime.dayOf(CommandContext.EARLIEST_OCCURRED_AT), envelope));
        }
        StaffRegistry.Membership current = member.get().memberships().get(member.get().memberships().size() - 1);
        boolean left = current.lastDay() != null;
        if (left || (current.unit().equals(user.unit()) && current.role() == user.role())) {
            return Optional.empty();
        }
        return Optional.of(new ChangeStaffMembership(user.staffId(), user.unit(), user.role(), today, envelope));
    }
}
