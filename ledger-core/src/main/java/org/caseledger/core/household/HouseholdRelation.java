package org.caseledger.core.household;

/**
 * How a member of a household stands to its children. One relation per member and household: the office works with the
 * household as a whole, and a person related differently to two of its children (a step-parent) is recorded by the
 * relation that describes their part in the household, {@code OTHER_ADULT} when none does.
 */
public enum HouseholdRelation {
    /** One of the household's children: the children whose cases the household has, and their brothers and sisters living with them. */
    CHILD,
    /** A parent of the children (whether or not a guardian too). */
    PARENT,
    /** A legal guardian of the children who is not their parent (särskilt förordnad vårdnadshavare). */
    GUARDIAN,
    /** A brother or sister of the children who is not one of the household's children (an adult sibling living there). */
    SIBLING,
    /** Another adult living in the household: a parent's partner, a grandparent, a lodger. */
    OTHER_ADULT
}
