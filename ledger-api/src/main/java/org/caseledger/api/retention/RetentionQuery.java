package org.caseledger.api.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseledger.core.cases.InterventionType;
import org.caseledger.core.shared.LedgerTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which persons the policy says to erase, from the facts the access index's handlers keep (each case file's newest
 * entry and intervention kinds, each person's day of birth and newest entry, each household's newest outreach entry);
 * no stored event is read here. It fails safe: whatever it cannot tell — a day of birth, a newest entry, an
 * intervention kind, a child never registered — keeps the person and asks for a person's decision.
 * <p>
 * A child's case files are erased together once the newest entry in any of them is older than the period: the child's
 * key covers all of them. A household member (a person registered into a household who is no case file's child) is
 * erased with the household's files: once every case file of the household is erased or due, the member's own newest
 * entry and the household's outreach entries are older than the period, and the member is not kept on their own.
 */
@Component
class RetentionQuery {

    /** What becomes of a person's data. */
    enum Verdict { DUE, KEPT, NEEDS_DECISION }

    /** Whose data: a case file's child, or a member of the household of a child's case files. */
    enum Subject { CHILD, HOUSEHOLD_MEMBER }

    /** The rule that made the verdict; each has its wording in the message bundles ({@code retention.rule.*}). */
    enum Rule {
        PERIOD_ENDED(Verdict.DUE),
        HOUSEHOLD_FILES_ERASED(Verdict.DUE),
        RESEARCH_SAMPLE(Verdict.KEPT),
        KEPT_INTERVENTION(Verdict.KEPT),
        HOUSEHOLD_FILE_KEPT(Verdict.KEPT),
        RECENT_ENTRY(Verdict.KEPT),
        BIRTH_DAY_UNKNOWN(Verdict.NEEDS_DECISION),
        NOT_REGISTERED(Verdict.NEEDS_DECISION),
        LAST_ENTRY_UNKNOWN(Verdict.NEEDS_DECISION),
        INTERVENTION_KIND_UNKNOWN(Verdict.NEEDS_DECISION);

        final Verdict verdict;

        Rule(Verdict verdict) {
            this.verdict = verdict;
        }
    }

    /**
     * A person's data under the policy, and the units holding it.
     *
     * @param detail what the rule found, where a value says more than the rule (an unknown kind, why a birth day is unknown)
     */
    record Candidate(UUID personId, Subject subject, List<String> caseNumbers, List<String> units, Instant lastEntry,
                     LocalDate erasableFrom, Verdict verdict, Rule rule, String detail) {
    }

    /** A row of {@code case_access}. */
    record File(UUID caseId, String caseNumber, String unit, UUID child, UUID household, Instant lastEntry, List<String> kinds) {
    }

    /** A row of {@code person_access}. */
    record Person(UUID personId, UUID household, Integer birthDay, String birthDayUnknown, boolean erased, Instant lastEntry,
                  String registeredUnit) {
    }

    private final JdbcClient jdbc;
    private final RetentionProperties policy;

    RetentionQuery(JdbcClient jdbc, RetentionProperties policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Every person not yet erased whose data the policy has to decide on now, with the verdict and its rule. */
    List<Candidate> candidates(Instant now) {
        List<File> files = jdbc.sql("SELECT case_id, case_number, unit, child_id, household_id, last_entry_at, intervention_kinds FROM case_access")
                .query((rs, row) -> new File(rs.getObject("case_id", UUID.class), rs.getString("case_number"), rs.getString("unit"),
                        rs.getObject("child_id", UUID.class), rs.getObject("household_id", UUID.class), instant(rs.getTimestamp("last_entry_at")),
                        Arrays.asList((String[]) rs.getArray("intervention_kinds").getArray())))
                .list();
        List<Person> persons = jdbc.sql("SELECT person_id, household_id, birth_day, birth_day_unknown, erased, last_entry_at, registered_unit "
                        + "FROM person_access")
                .query((rs, row) -> new Person(rs.getObject("person_id", UUID.class), rs.getObject("household_id", UUID.class),
                        rs.getObject("birth_day", Integer.class), rs.getString("birth_day_unknown"), rs.getBoolean("erased"),
                        instant(rs.getTimestamp("last_entry_at")), rs.getString("registered_unit")))
                .list();
        Map<UUID, Instant> householdActivity = new HashMap<>();
        jdbc.sql("SELECT household_id, last_entry_at FROM household_activity").query(rs -> {
            householdActivity.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
        });
        return decide(now, files, persons, householdActivity);
    }

    /** The policy itself, on the index's facts. */
    List<Candidate> decide(Instant now, List<File> files, List<Person> persons, Map<UUID, Instant> householdActivity) {
        Instant cutoff = LedgerTime.dayOf(now).minusYears(policy.years()).atStartOfDay(LedgerTime.ZONE).toInstant();
        Map<UUID, Person> personById = persons.stream().collect(Collectors.toMap(Person::personId, person -> person));
        Map<UUID, List<File>> filesByChild = files.stream().collect(Collectors.groupingBy(File::child, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, List<File>> filesByHousehold = files.stream().collect(Collectors.groupingBy(File::household));

        Map<UUID, Candidate> children = new LinkedHashMap<>();
        filesByChild.forEach((child, own) -> {
            Optional<Person> person = Optional.ofNullable(personById.get(child));
            if (person.map(Person::erased).orElse(false)) {
                return;
            }
            Instant last = newest(own.stream().map(File::lastEntry).toList());
            if (last != null && !last.isBefore(cutoff)) {
                return;
            }
            List<String> units = units(own.stream().flatMap(file -> filesByHousehold.getOrDefault(file.household(), List.of()).stream()),
                    own.stream().map(File::unit));
            children.put(child, childVerdict(child, own, person, last, units));
        });

        List<Candidate> members = new ArrayList<>();
        for (Person member : persons) {
            if (member.erased() || member.household() == null || filesByChild.containsKey(member.personId())
                    || !filesByHousehold.containsKey(member.household())) {
                continue;
            }
            List<File> householdFiles = filesByHousehold.get(member.household());
            boolean everyFilePast = householdFiles.stream().allMatch(file -> children.containsKey(file.child())
                    || personById.containsKey(file.child()) && personById.get(file.child()).erased());
            if (everyFilePast) {
                members.add(memberVerdict(member, householdFiles, children, householdActivity.get(member.household()), cutoff));
            }
        }
        List<Candidate> all = new ArrayList<>(children.values());
        all.addAll(members);
        all.sort(Comparator.comparing(Candidate::subject).thenComparing(Candidate::lastEntry, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Candidate::personId));
        return all;
    }

    private Candidate childVerdict(UUID child, List<File> own, Optional<Person> person, Instant last, List<String> units) {
        List<String> numbers = own.stream().map(File::caseNumber).sorted().toList();
        if (last == null || own.stream().anyMatch(file -> file.lastEntry() == null)) {
            return candidate(child, Subject.CHILD, numbers, units, last, Rule.LAST_ENTRY_UNKNOWN, null);
        }
        Set<String> kinds = own.stream().flatMap(file -> file.kinds().stream()).collect(Collectors.toCollection(TreeSet::new));
        Optional<String> kept = kinds.stream().filter(kind -> keptKinds().contains(kind)).findFirst();
        if (kept.isPresent()) {
            return candidate(child, Subject.CHILD, numbers, units, last, Rule.KEPT_INTERVENTION, kept.get());
        }
        Optional<Candidate> byBirth = byBirthDay(child, Subject.CHILD, numbers, units, last, person);
        if (byBirth.isPresent()) {
            return byBirth.get();
        }
        Optional<String> unknownKind = kinds.stream().filter(kind -> !knownKind(kind)).findFirst();
        if (unknownKind.isPresent()) {
            return candidate(child, Subject.CHILD, numbers, units, last, Rule.INTERVENTION_KIND_UNKNOWN, unknownKind.get());
        }
        return candidate(child, Subject.CHILD, numbers, units, last, Rule.PERIOD_ENDED, null);
    }

    private Candidate memberVerdict(Person member, List<File> householdFiles, Map<UUID, Candidate> children, Instant activity,
                                    Instant cutoff) {
        List<String> numbers = householdFiles.stream().map(File::caseNumber).sorted().toList();
        List<String> units = units(householdFiles.stream(), Stream.empty());
        Instant last = newest(Stream.concat(householdFiles.stream().map(File::lastEntry),
                Stream.of(member.lastEntry(), activity)).toList());
        if (member.lastEntry() == null) {
            return candidate(member.personId(), Subject.HOUSEHOLD_MEMBER, numbers, units, last, Rule.LAST_ENTRY_UNKNOWN, null);
        }
        Optional<Candidate> notDue = householdFiles.stream().map(file -> children.get(file.child()))
                .filter(Objects::nonNull).filter(child -> child.verdict() != Verdict.DUE).findFirst();
        if (notDue.isPresent()) {
            return candidate(member.personId(), Subject.HOUSEHOLD_MEMBER, numbers, units, last, Rule.HOUSEHOLD_FILE_KEPT,
                    String.join(", ", notDue.get().caseNumbers()));
        }
        if (!last.isBefore(cutoff)) {
            return candidate(member.personId(), Subject.HOUSEHOLD_MEMBER, numbers, units, last, Rule.RECENT_ENTRY, null);
        }
        return byBirthDay(member.personId(), Subject.HOUSEHOLD_MEMBER, numbers, units, last, Optional.of(member))
                .orElseGet(() -> candidate(member.personId(), Subject.HOUSEHOLD_MEMBER, numbers, units, last,
                        Rule.HOUSEHOLD_FILES_ERASED, null));
    }

    /** Kept for the research sample, or left to a person when the day of birth is not known; empty when it decides nothing. */
    private Optional<Candidate> byBirthDay(UUID personId, Subject subject, List<String> numbers, List<String> units, Instant last,
                                           Optional<Person> person) {
        if (person.isEmpty()) {
            return Optional.of(candidate(personId, subject, numbers, units, last, Rule.NOT_REGISTERED, null));
        }
        Integer day = person.get().birthDay();
        if (day == null || day < 1 || day > 31) {
            return Optional.of(candidate(personId, subject, numbers, units, last, Rule.BIRTH_DAY_UNKNOWN,
                    person.get().birthDayUnknown() == null ? "IDENTITY_NUMBER_UNREADABLE" : person.get().birthDayUnknown()));
        }
        if (policy.researchSampleDays().contains(day)) {
            return Optional.of(candidate(personId, subject, numbers, units, last, Rule.RESEARCH_SAMPLE, null));
        }
        return Optional.empty();
    }

    private Candidate candidate(UUID personId, Subject subject, List<String> numbers, List<String> units, Instant last, Rule rule,
                                String detail) {
        LocalDate erasableFrom = last == null ? null : LedgerTime.dayOf(last).plusYears(policy.years()).plusDays(1);
        return new Candidate(personId, subject, numbers, units, last, erasableFrom, rule.verdict, rule, detail);
    }

    private Set<String> keptKinds() {
        return policy.keptInterventions().stream().map(Enum::name).collect(Collectors.toSet());
    }

    private static boolean knownKind(String kind) {
        return Arrays.stream(InterventionType.values()).anyMatch(type -> type.name().equals(kind));
    }

    /** The newest of the known times; null when none is known (the callers treat an unknown time as never old enough). */
    private static Instant newest(List<Instant> times) {
        Instant newest = null;
        for (Instant time : times) {
            if (time != null && (newest == null || time.isAfter(newest))) {
                newest = time;
            }
        }
        return newest;
    }

    private static List<String> units(Stream<File> householdFiles, Stream<String> own) {
        return Stream.concat(householdFiles.map(File::unit), own).distinct().sorted().toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
