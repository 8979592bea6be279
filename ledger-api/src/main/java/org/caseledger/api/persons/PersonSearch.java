package org.caseledger.api.persons;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.access.PersonAccessGuard;
import org.caseledger.api.privacy.IdentityLookup;
import org.caseledger.api.security.StaffUser;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Finds persons by identity number or by name for a member of staff: every person found is logged, as read or as
 * refused to this caller, who is then not told of them. An erased person is found no more. The API's search and the
 * case list's share it, so both find and log alike.
 */
@Component
public class PersonSearch {

    private final IdentityLookup lookup;
    private final PersonAccessGuard guard;

    PersonSearch(IdentityLookup lookup, PersonAccessGuard guard) {
        this.lookup = lookup;
        this.guard = guard;
    }

    public List<PersonId> byIdentityNumber(StaffUser staff, PersonalIdentityNumber number, String operation, String purpose) {
        return readable(staff, lookup.find(number), operation, purpose);
    }

    /** The persons whose name has every word of {@code name}, in any order and either case. */
    public List<PersonId> byName(StaffUser staff, String name, String operation, String purpose) {
        return readable(staff, lookup.findByName(name), operation, purpose);
    }

    private List<PersonId> readable(StaffUser staff, List<UUID> persons, String operation, String purpose) {
        List<PersonId> found = new ArrayList<>();
        for (UUID person : persons) {
            PersonId id = PersonId.of(person.toString());
            try {
                guard.read(staff, id, operation, purpose);
                found.add(id);
            } catch (AccessRefusedException refused) {
                // logged as refused by the guard; the caller is not told that the person exists
            }
        }
        return found;
    }
}
