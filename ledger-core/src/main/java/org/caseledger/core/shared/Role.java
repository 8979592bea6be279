package org.caseledger.core.shared;

/** The roles a member of staff acts in; recorded on every event and used by the delegation order. */
public enum Role {
    /** Socialsekreterare: a case worker. */
    SOCIAL_SECRETARY,
    /** Gruppledare: leads a group of case workers. */
    GROUP_LEADER,
    /** Enhetschef: heads the unit. */
    UNIT_HEAD,
    /** Administratör: manages reference data and staff, reads no case content. */
    ADMINISTRATOR,
    /** Granskare: the supervising authority, the ombudsman or the municipality's legal review; reads, never writes. */
    AUDITOR
}
