package org.caseledger.api.households;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A household as one reader may see it: the members they may read with their relations over time, the case files they
 * may read, and one timeline of the membership, those case files' openings, interventions, consents, disclosures and
 * closings, and the outreach of their unit with the household. What the reader may not see is left out, without a
 * trace of it (docs/privacy.md, "Who sees a household").
 */
@Schema(description = "A household as the caller may see it; what the caller may not read is left out")
record HouseholdView(@Schema(requiredMode = REQUIRED, format = "uuid") String householdId,
                     @Schema(requiredMode = REQUIRED) List<Member> members,
                     @Schema(requiredMode = REQUIRED) List<CaseFile> cases,
                     @Schema(requiredMode = REQUIRED) List<Entry> timeline) {

    /** How a person is a member: by the household's own events, by a registration into it, or as the child of one of its cases. */
    enum Through { HOUSEHOLD, REGISTRATION, CASE }

    /**
     * A member the caller may read.
     *
     * @param name              as last corrected, or the word for erased
     * @param identityNumber    the personal identity or coordination number, if the person has one and is not erased
     * @param protectedIdentity whether the person's identity is protected now
     * @param current           whether the person is a member now
     * @param periods           their relations over time, oldest first
     */
    @Schema(description = "A member of the household the caller may read")
    record Member(@Schema(requiredMode = REQUIRED, format = "uuid") String personId,
                  @Schema(requiredMode = REQUIRED) String name,
                  String identityNumber,
                  @Schema(requiredMode = REQUIRED) boolean protectedIdentity,
                  @Schema(requiredMode = REQUIRED) boolean erased,
                  @Schema(requiredMode = REQUIRED, description = "HOUSEHOLD: by the household's own events; REGISTRATION: registered "
                          + "into the household; CASE: the child of one of its cases") Through through,
                  @Schema(requiredMode = REQUIRED) boolean current,
                  @Schema(requiredMode = REQUIRED) List<Period> periods) {
    }

    /**
     * A span of time in one relation to the household's children.
     *
     * @param relation {@code null} for a person registered into the household, whose relation was never recorded
     * @param from     when it began ({@code null} when not known)
     * @param to       when it ended; {@code null} while it lasts
     */
    @Schema(description = "A span of time in one relation to the household's children")
    record Period(@Schema(allowableValues = {"CHILD", "PARENT", "GUARDIAN", "SIBLING", "OTHER_ADULT"}) String relation,
                  Instant from, Instant to) {
    }

    /** A case file of one of the household's children, which the caller may read. */
    @Schema(description = "A case file of one of the household's children, which the caller may read")
    record CaseFile(@Schema(requiredMode = REQUIRED, format = "uuid") String caseId,
                    @Schema(requiredMode = REQUIRED) String caseNumber,
                    @Schema(requiredMode = REQUIRED, format = "uuid") String child,
                    @Schema(requiredMode = REQUIRED) String unit,
                    @Schema(description = "OPEN, or CLOSED") String status,
                    @Schema(requiredMode = REQUIRED) Instant receivedAt) {
    }

    /**
     * One fact of the household, with its codes for programs and its sentence in the reader's language.
     *
     * @param type       the stored event type
     * @param caseId     the case file it is an entry of, if any
     * @param activityId the outreach activity it is, if any
     * @param personId   the member it is about, for a fact of the membership
     */
    @Schema(description = "One fact of the household, oldest first")
    record Entry(@Schema(requiredMode = REQUIRED) String type,
                 @Schema(requiredMode = REQUIRED, description = "What happened, in the language of ?lang=") String what,
                 @Schema(requiredMode = REQUIRED) Instant occurredAt,
                 @Schema(requiredMode = REQUIRED) Instant recordedAt,
                 @Schema(requiredMode = REQUIRED) String actor,
                 @Schema(requiredMode = REQUIRED) String role,
                 @Schema(requiredMode = REQUIRED) String unit,
                 @Schema(format = "uuid") String caseId,
                 String caseNumber,
                 @Schema(format = "uuid") String activityId,
                 @Schema(format = "uuid") String personId) {
    }
}
