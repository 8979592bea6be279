package org.caseledger.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
        return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(parameter, value).build().toUriString()
                + ">; rel=\"next\"";
    }
}
