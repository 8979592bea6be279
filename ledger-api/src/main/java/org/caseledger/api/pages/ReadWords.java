package org.caseledger.api.pages;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What a read in the access log was, as the pages word it: the log keeps the request as the ledger saw it (method and
 * path pattern, or the name of a list), and a person reading "who has read this case" is told in words which view of
 * the case was read and through what (the pages or the API). Every kind has a key in the bundles; a request of a kind
 * not named here reads as a read or a write of the case, never as its path.
 */
@Component("readWords")
public class ReadWords {

    /** Entries logged before the API's path carried its version name the same paths without it. */
    private static final Pattern UNVERSIONED = Pattern.compile("^(\\w+ )/api/(?!v\\d+/)");

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("GET /api/v1/cases/{caseId}", "case-view"),
            Map.entry("GET /api/v1/cases/{caseId}/history", "history"),
            Map.entry("GET /api/v1/cases/{caseId}/timeline", "timeline"),
            Map.entry("GET /api/v1/cases/{caseId}/compliance", "case-compliance"),
            Map.entry("GET /api/v1/cases/{caseId}/verify", "verify"),
            Map.entry("GET /api/v1/cases/{caseId}/{collection}/{itemId}", "item"),
            Map.entry("GET /api/v1/audit/cases/{caseId}/export", "export-json"),
            Map.entry("GET /api/v1/audit/cases/{caseId}/export.pdf", "export-pdf"),
            Map.entry("POST /api/v1/audit/cases/{caseId}/exports", "export-recipient"),
            Map.entry("GET /ui/cases/{caseId}", "case-page"),
            Map.entry("GET /ui/cases/{caseId}/state", "replay"),
            Map.entry("GET /ui/cases/{caseId}/case-file.pdf", "download-pdf"),
            Map.entry("GET /ui/cases/{caseId}/case-file.json", "download-json"),
            Map.entry("GET /api/v1/persons/{personId}/history", "person-history"),
            Map.entry("GET /api/v1/households/{householdId}", "household"),
            Map.entry("GET /ui/households/{householdId}", "household-page"),
            Map.entry("case list", "case-list"),
            Map.entry("change feed", "feed"),
            Map.entry("deadlines", "deadlines"),
            Map.entry("compliance misses", "compliance"),
            Map.entry("metric drill-down", "drill-down"),
            Map.entry("register extract", "extract"));

    /** The bundle key of what was read. */
    public String key(String what) {
        String kind = KINDS.get(what == null ? null : UNVERSIONED.matcher(what).replaceFirst("$1/api/v1/"));
        if (kind == null) {
            kind = what != null && what.startsWith("GET ") ? "other-read" : "write";
        }
        return "read.what." + kind;
    }
}
