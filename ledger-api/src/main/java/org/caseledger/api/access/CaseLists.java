package org.caseledger.api.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.shared.Role;
import org.caseledger.core.shared.UnitId;
import org.caseledger.projections.compliance.ComplianceQuery;
import org.springframework.stereotype.Component;

/**
 * Lists that name cases — drill-downs, compliance misses, deadlines — show a member of staff only the cases they
 * may read, and every case they do show is logged as read. Figures and counts are not filtered: they name no one.
 */
@Component
public class CaseLists {

    private final CaseAccessRepository cases;
    private final CaseListQuery list;
    private final AccessLog log;

    CaseLists(CaseAccessRepository cases, CaseListQuery list, AccessLog log) {
        this.cases = cases;
        this.list = list;
        this.log = log;
    }

    /**
     * A page of the case list, for the API and the pages alike, with every case on it logged as read: one place, so
     * that no way of listing cases can forget the log.
     *
     * @param detail the query that produced it
     */
    public CaseListQuery.Page page(StaffUser staff, CaseListQuery.Filter filter, CaseListQuery.Order order, String cursor, int limit,
                                   String detail, String purpose) {
        CaseListQuery.Page page = list.page(staff, filter, order, cursor, limit);
        log.record(page.cases().stream().map(listed -> AccessLog.Read.ofCase(staff, listed.access(), "case list", detail, purpose,
                AccessLog.Outcome.READ)).toList());
        return page;
    }

    /**
     * The unit whose cases to list: auditors look across the units and list every unit (null) unless they name one;
     * everyone else lists the unit asked for if it is theirs, or their own.
     */
    public UnitId unitToList(StaffUser staff, UnitId asked) {
        return asked == null && staff.role() == Role.AUDITOR ? null : unitOrOwn(staff, asked);
    }

    /** The unit asked for, or the caller's own; refused (and logged) if it is not theirs, except to auditors. */
    public UnitId unitOrOwn(StaffUser staff, UnitId asked) {
        UnitId unit = asked != null ? asked : staff.unit();
        AccessPolicy.refusesUnit(staff, unit).ifPresent(reason -> {
            log.record(AccessLog.Read.ofRequest(staff, AccessLog.currentRequest(), "unit " + unit.value(), null, AccessLog.Outcome.REFUSED));
            throw new AccessRefusedException(reason);
        });
        return unit;
    }

    /**
     * Each rule's figures as they are, with only the misses this member of staff may read, logged as read, and how many
     * are left out: the figures name no one, so they stay whole, and the reader is told what the list does not show.
     */
    public List<ComplianceQuery.RuleResult> visibleMisses(StaffUser staff, List<ComplianceQuery.RuleResult> report, String detail,
                                                          String purpose) {
        return report.stream()
                .map(result -> {
                    List<ComplianceQuery.Entry> shown = visible(staff, result.misses(), ComplianceQuery.Entry::caseId, "compliance misses",
                            detail, purpose);
                    return new ComplianceQuery.RuleResult(result.rule(), result.checked(), result.met(), result.pending(), result.rate(),
                            shown, result.missesNotShown() + result.misses().size() - shown.size());
                })
                .toList();
    }

    /**
     * The items this member of staff may see; items that name no case pass. Each case shown is logged as read.
     *
     * @param what   the list, as the access log names it
     * @param detail the query that produced it
     */
    public <T> List<T> visible(StaffUser staff, List<T> items, Function<T, String> caseIdOf, String what, String detail,
                               String purpose) {
        return visiblePage(staff, items, caseIdOf, 0, Integer.MAX_VALUE, what, detail, purpose).items();
    }

    /** A page of a list: its items, and whether more follow it. */
    public record Page<T>(List<T> items, boolean more) {
    }

    /**
     * The items from position {@code from} on, at most {@code limit}, of those this member of staff may list; only
     * the cases of that page are logged as read.
     */
    public <T> Page<T> visiblePage(StaffUser staff, List<T> items, Function<T, String> caseIdOf, int from, int limit, String what,
                                   String detail, String purpose) {
        List<UUID> named = items.stream().map(caseIdOf).filter(Objects::nonNull).distinct().map(UUID::fromString).toList();
        Map<UUID, CaseAccess> access = cases.findAll(named).stream()
                .collect(Collectors.toMap(target -> target.caseId().value(), Function.identity()));
        List<T> visible = items.stream().filter(item -> {
            String caseId = caseIdOf.apply(item);
            if (caseId == null) {
                return true;
            }
            CaseAccess target = access.get(UUID.fromString(caseId));
            return target != null && AccessPolicy.mayList(staff, target);
        }).toList();
        List<T> page = visible.subList(Math.min(from, visible.size()), (int) Math.min((long) from + limit, visible.size()));
        log.record(page.stream().map(caseIdOf).filter(Objects::nonNull).distinct()
                .map(caseId -> AccessLog.Read.ofCase(staff, access.get(UUID.fromString(caseId)), what, detail, purpose, AccessLog.Outcome.READ))
                .toList());
        return new Page<>(page, (long) from + limit < visible.size());
    }
}
