package org.caseledger.api.web;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code Link} header every paged answer names its next page with (RFC 8288, {@code rel="next"}): the request as
 * it was asked, with the one parameter that continues it replaced.
 */
public final class NextPage {

    public static final String HEADER = HttpHeaders.LINK;

    private NextPage() {
    }

    /** The header's value for the current request continued with {@code parameter=value}. */
    public static String link(String parameter, Object value) {
        return link(Map.of(parameter, value));
    }

    /** The header's value for the current request continued with each of these parameters replaced. */
    public static String link(Map<String, Object> parameters) {
        UriComponentsBuilder next = ServletUriComponentsBuilder.fromCurrentRequest();
        parameters.forEach(next::replaceQueryParam);
        return "<" + next.build().toUriString() + ">; rel=\"next\"";
    }
}
