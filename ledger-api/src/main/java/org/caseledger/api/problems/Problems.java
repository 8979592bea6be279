package org.caseledger.api.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.caseledger.core.shared.LedgerRule;
import org.caseledger.core.shared.ValueProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problems of the ledger, worded from the message bundles in the request's language
 * ({@link ProblemLanguage}), and writes them where no controller advice reaches (the security filters). Titles and
 * details are only ever bundle texts filled with facts the ledger chose to show (a limit, a field's name, a date):
 * never an exception's message, which would show the reader the ledger's insides and English words.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final JsonMapper json;

    public Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail of(HttpServletRequest request, ProblemType type, Object... facts) {
        return of(request, type.status(), type, facts);
    }

    /** The type's words with another status than its own (a bearer token refused with 403, a 431 from the container). */
    public ProblemDetail of(HttpServletRequest request, HttpStatusCode status, ProblemType type, Object... facts) {
        Locale language = ProblemLanguage.of(request);
        return problem(status, type, language, text(language, "problem." + type.slug() + ".detail", facts));
    }

    /** A feature's refusal: its type, its detail with its facts, and the members it adds for a program. */
    public ProblemDetail of(HttpServletRequest request, ProblemException refusal) {
        Locale language = ProblemLanguage.of(request);
        ProblemDetail problem = problem(refusal.type().status(), refusal.type(), language, detail(language, refusal));
        if (refusal instanceof ProblemProperties more) {
            more.problemProperties().forEach(problem::setProperty);
        }
        return problem;
    }

    /** The detail of a feature's refusal in a language already chosen (the pages choose theirs themselves). */
    public String detail(Locale language, ProblemException refusal) {
        Object[] facts = refusal.facts().stream()
                .map(fact -> fact instanceof BundleText named ? text(language, named.key()) : fact)
                .toArray();
        return text(language, refusal.detail().key(), facts);
    }

    private ProblemDetail problem(HttpStatusCode status, ProblemType type, Locale language, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type.uri());
        problem.setTitle(text(language, "problem." + type.slug() + ".title"));
        problem.setDetail(detail);
        return problem;
    }

    /** A broken domain rule: its own type, its code in {@code rule} for programs, and its words for people. */
    public ProblemDetail rule(HttpServletRequest request, HttpStatusCode status, LedgerRule rule, List<Object> facts) {
        Locale language = ProblemLanguage.of(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(ProblemType.RULES + rule.name()));
        String title = text(language, "problem.rule." + rule.name());
        problem.setTitle(title);
        String specific = "problem.rule." + rule.name() + ".detail";
        problem.setDetail(messages.getMessage(specific, null, null, language) != null
                ? text(language, specific, facts.toArray())
                : text(language, "problem.rule.detail", title));
        problem.setProperty("rule", rule.name());
        return problem;
    }

    /** Input the ledger cannot take: one entry in {@code errors} per field, and the first of them in the detail. */
    public ProblemDetail invalid(HttpServletRequest request, List<FieldError> errors) {
        ProblemDetail problem;
        if (errors.isEmpty()) {
            problem = of(request, ProblemType.INVALID_VALUE, text(ProblemLanguage.of(request), "problem.invalid-value.unnamed"));
        } else {
            FieldError first = errors.get(0);
            problem = of(request, ProblemType.INVALID_VALUE, first.field() == null ? first.message() : first.field() + ": " + first.message());
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    /** What is wrong with one value, in the request's language. */
    public FieldError fieldError(HttpServletRequest request, String field, ValueProblem problem, List<Object> facts) {
        return new FieldError(field, valueText(ProblemLanguage.of(request), null, problem, facts));
    }

    /** What is wrong with one value, in a language already chosen (the pages choose theirs themselves). */
    public String valueText(Locale language, String field, ValueProblem problem, List<Object> facts) {
        String what = text(language, "value." + problem.name(), facts.toArray());
        return field == null ? what : field + ": " + what;
    }

    /** What is wrong with one value, for the problems the web layer finds itself ({@code field.*} in the bundles). */
    public FieldError fieldError(HttpServletRequest request, String field, String code, Object... facts) {
        return new FieldError(field, text(ProblemLanguage.of(request), "field." + code, facts));
    }

    /** A bundle text; a missing one shows its key rather than failing the answer (ProblemWordsTest keeps the bundles complete). */
    public String text(Locale language, String key, Object... facts) {
        try {
            return messages.getMessage(key, printable(facts), language);
        } catch (NoSuchMessageException e) {
            return key;
        } catch (IllegalArgumentException unformattable) {
            // A fact of another kind than the text expects (an unknown number): the text without the facts beats no answer.
            return messages.getMessage(key, null, key, language);
        }
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, Object... facts) throws IOException {
        write(response, of(request, type, facts));
    }

    /** The problem as JSON, for the container's error report, which writes text. */
    public String json(ProblemDetail problem) {
        return json.writeValueAsString(problem);
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /**
     * Numbers stay numbers (the bundles format them without grouping); anything else is shown as its text. A time is
     * shown to the second in UTC, as ISO 8601: a problem answers a program's request, and that is how it sent the time.
     */
    private static Object[] printable(Object[] facts) {
        Object[] printable = new Object[facts.length];
        for (int i = 0; i < facts.length; i++) {
            printable[i] = facts[i] instanceof Number ? facts[i]
                    : facts[i] instanceof Instant time ? time.truncatedTo(ChronoUnit.SECONDS).toString() : String.valueOf(facts[i]);
        }
        return printable;
    }
}
