package org.caseledger.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.caseledger.core.shared.LedgerRule;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** The wording of a problem, and the choice of its language, without the application around them. */
class ProblemsTest {

    private final Problems problems = new Problems(messages(), JsonMapper.builder().build());

    @Test
    void aFactThatIsUnknownLeavesTheWordsWithoutItRatherThanFailingTheAnswer() {
        ProblemDetail problem = problems.rule(request(null), HttpStatus.BAD_REQUEST, LedgerRule.OCCURRED_IN_FUTURE, Arrays.asList(null, null));

        assertThat(problem.getDetail()).isNotBlank().doesNotContain("problem.");
        assertThat(problems.of(request(null), ProblemType.REQUEST_TOO_LARGE, "not a number").getDetail()).isNotBlank();
    }

    @Test
    void theLanguageIsAskedForByQueryThenCookieThenAcceptLanguageElseSwedish() {
        assertThat(ProblemLanguage.of(request(null))).isEqualTo(ProblemLanguage.SWEDISH);
        assertThat(ProblemLanguage.of(request("en-US,en;q=0.9"))).isEqualTo(ProblemLanguage.ENGLISH);
        assertThat(ProblemLanguage.of(request("fi, de;q=0.5"))).isEqualTo(ProblemLanguage.SWEDISH);
        assertThat(ProblemLanguage.of(request("this is no language range;q=x"))).isEqualTo(ProblemLanguage.SWEDISH);

        MockHttpServletRequest asked = request("en");
        asked.setQueryString("from=2026-01-01&lang=sv");
        assertThat(ProblemLanguage.of(asked)).as("?lang before Accept-Language").isEqualTo(ProblemLanguage.SWEDISH);

        MockHttpServletRequest remembered = request("sv");
        remembered.setCookies(new jakarta.servlet.http.Cookie("ledger-language", "en"));
        assertThat(ProblemLanguage.of(remembered)).as("the pages' cookie before Accept-Language").isEqualTo(ProblemLanguage.ENGLISH);
    }

    private static MockHttpServletRequest request(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
