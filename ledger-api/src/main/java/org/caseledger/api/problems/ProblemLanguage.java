package org.caseledger.api.problems;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The language of an answer with words in it — a problem, a problem type's page, the case timeline, the printed case
 * file: {@code ?lang=sv|en} first, then the language the pages remember in their cookie, then {@code Accept-Language},
 * and Swedish when none of them names Swedish or English.
 * The query is read as text rather than through the request's parameters: reading those parses the query, and a
 * query that cannot be parsed is one of the things a problem may be about.
 */
public final class ProblemLanguage {

    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> SUPPORTED = List.of(SWEDISH, ENGLISH);
    private static final String COOKIE = "ledger-language";

    private ProblemLanguage() {
    }

    public static Locale of(HttpServletRequest request) {
        if (request == null) {
            return SWEDISH;
        }
        try {
            Locale asked = fromQuery(request.getQueryString());
            if (asked == null) {
                asked = fromCookie(request.getCookies());
            }
            if (asked == null) {
                asked = fromAcceptLanguage(request.getHeader("Accept-Language"));
            }
            return asked == null ? SWEDISH : asked;
        } catch (RuntimeException unreadable) {
            // A malformed header or cookie is no reason not to answer; the answer is then Swedish.
            return SWEDISH;
        }
    }

    private static Locale fromQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                return supported(pair.substring("lang=".length()));
            }
        }
        return null;
    }

    private static Locale fromCookie(Cookie[] cookies) {
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return supported(cookie.getValue());
            }
        }
        return null;
    }

    private static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
    }

    private static Locale supported(String tag) {
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
