package org.caseledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that would change the ledger unless it shows that no page of another site sent it: a JSON body type
 * ({@code application/json} or {@code application/*+json}, with or without a body) or an {@code X-Requested-By} header
 * with any value. A browser sends neither to another site without asking first (a CORS preflight), and the ledger
 * grants none; without this check a form or a body-less fetch on any page a member of staff visits could POST with the
 * HTTP Basic credentials the browser has cached for the ledger. Spring's token CSRF needs a session to keep its token
 * in, and the API has none.
 *
 * <p>A {@code Content-Type} that is a range ({@code *}/{@code *}, {@code text/*}) is refused here too, whatever else the
 * request carries: it names no type the body could be read as.
 *
 * <p>The check stands where Spring's CSRF filter would, before authentication, so a refused request runs no command
 * and is refused alike whoever sent it. It is answered 415: what is missing is the content type the API speaks.
 */
final class CrossSiteWriteCheck extends OncePerRequestFilter {

    private static final String REQUESTED_BY = "X-Requested-By";

    /** The methods a browser may send across sites without asking and that change nothing here. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Problems problems;

    CrossSiteWriteCheck(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (isWildcard(request.getContentType())) {
            problems.write(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        if (isJson(request.getContentType()) || StringUtils.hasText(request.getHeader(REQUESTED_BY))) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, ProblemType.JSON_REQUIRED);
    }

    /**
     * A range ({@code *}/{@code *}, {@code application/*}, {@code application/*+json}) names no type a body can be read as;
     * Spring's message reading throws on one as on a defect, so it is refused here, with or without {@code X-Requested-By}.
     */
    private static boolean isWildcard(String contentType) {
        if (!StringUtils.hasText(contentType)) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Types a browser can send across sites without a preflight (text/plain, forms) are no JSON, and neither is garbage. */
    private static boolean isJson(String contentType) {
        if (!StringUtils.hasText(contentType)) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application")
                    && (type.getSubtype().equals("json") || "json".equals(type.getSubtypeSuffix()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
