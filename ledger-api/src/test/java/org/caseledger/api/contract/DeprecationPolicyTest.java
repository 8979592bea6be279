package org.caseledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.Operation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

/** A deprecated operation says so in the document and in every answer, and cannot be removed with less notice. */
class DeprecationPolicyTest {

    static class Operations {

        @Sunset(deprecatedOn = "2027-01-01", removedOn = "2028-01-01", successor = "/api/v2/cases")
        void old() {
        }

        void current() {
        }
    }

    @Test
    void givenADeprecatedOperation_whenAnswered_thenDeprecationSunsetAndTheSuccessorAreInTheHeaders() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new DeprecationPolicy.SunsetHeaders().preHandle(new MockHttpServletRequest(), response, handler("old"));

        assertThat(response.getHeader("Deprecation")).isEqualTo("@1798761600");
        assertThat(response.getHeader("Sunset")).isEqualTo("Sat, 1 Jan 2028 00:00:00 GMT");
        assertThat(response.getHeader("Link")).isEqualTo("</api/v2/cases>; rel=\"successor-version\"");
    }

    @Test
    void givenAnOperationThatIsNotDeprecated_whenAnswered_thenNoHeaderSaysSo() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new DeprecationPolicy.SunsetHeaders().preHandle(new MockHttpServletRequest(), response, handler("current"));

        assertThat(response.getHeaderNames()).isEmpty();
    }

    @Test
    void givenADeprecatedOperation_whenDocumented_thenItIsDeprecatedWithItsDatesAndSuccessor() throws Exception {
        Operation documented = new DeprecationPolicy().sunsetInTheDocument().customize(new Operation().description("Lists cases."),
                handler("old"));

        assertThat(documented.getDeprecated()).isTrue();
        assertThat(documented.getDescription()).contains("Deprecated on 2027-01-01").contains("until 2027-12-31")
                .contains("/api/v2/cases");
    }

    @Test
    void givenLessThanAYearsNotice_thenTheSunsetIsRefused() {
        assertThatThrownBy(() -> new DeprecationPolicy.Dates(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 1)))
                .hasMessageContaining("may not be removed before 2028-01-01");
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Operations(), Operations.class.getDeclaredMethod(name));
    }
}
