package org.caseledger.api.problems;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caseledger.core.shared.LedgerRule;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page behind every problem type: what the problem means, what causes it and what the client should do, so that
 * a {@code type} in an answer is a link an integrator can follow. Open to anyone: it says nothing about any case.
 */
@Hidden
@Controller
class ProblemPages {

    private final Problems problems;

    ProblemPages(Problems problems) {
        this.problems = problems;
    }

    /** Every problem type and rule, for an integrator who wants to handle them all before meeting them. */
    @GetMapping("/problems")
    String index(HttpServletRequest request, Model model) {
        Locale language = ProblemLanguage.of(request);
        Map<String, String> types = new LinkedHashMap<>();
        for (ProblemType type : ProblemType.values()) {
            types.put(type.uri().toString(), problems.text(language, "problem." + type.slug() + ".title"));
        }
        Map<String, String> rules = new LinkedHashMap<>();
        for (LedgerRule rule : LedgerRule.values()) {
            rules.put(ProblemType.RULES + rule.name(), problems.text(language, "problem.rule." + rule.name()));
        }
        labels(model, language);
        model.addAttribute("types", types);
        model.addAttribute("rules", rules);
        model.addAttribute("otherLanguageLink", "/problems?lang=" + other(language));
        return "problems";
    }

    @GetMapping(ProblemType.BASE + "{slug}")
    String type(@PathVariable String slug, HttpServletRequest request, Model model) {
        ProblemType type = ProblemType.ofSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Locale language = ProblemLanguage.of(request);
        String key = "problem." + type.slug();
        return page(model, language, type.uri().toString(), type.status(), null, problems.text(language, key + ".title"),
                problems.text(language, key + ".cause"), problems.text(language, key + ".action"),
                type == ProblemType.INVALID_VALUE ? problems.text(language, "problem.page.errors") : null);
    }

    @GetMapping(ProblemType.RULES + "{code}")
    String rule(@PathVariable String code, HttpServletRequest request, Model model) {
        LedgerRule rule = rule(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Locale language = ProblemLanguage.of(request);
        return page(model, language, ProblemType.RULES + rule.name(), ProblemType.statusOf(rule), rule.name(), problems.text(language, "problem.rule." + rule.name()),
                problems.text(language, "problem.rules.cause"), problems.text(language, "problem.rules.action"), null);
    }

    private String page(Model model, Locale language, String type, HttpStatus status, String rule, String title, String cause,
                        String action, String errors) {
        model.addAttribute("type", type);
        model.addAttribute("status", status.value());
        model.addAttribute("rule", rule);
        model.addAttribute("title", title);
        model.addAttribute("cause", cause);
        model.addAttribute("action", action);
        model.addAttribute("errors", errors);
        labels(model, language);
        model.addAttribute("otherLanguageLink", type + "?lang=" + other(language));
        return "problem";
    }

    private void labels(Model model, Locale language) {
        model.addAttribute("lang", language.getLanguage());
        for (String label : new String[] {"heading", "statusLabel", "ruleLabel", "causeLabel", "actionLabel", "errorsLabel", "format",
                "otherLanguage", "appName", "indexTitle", "typesLabel", "rulesLabel", "allTypes"}) {
            model.addAttribute(label, problems.text(language, "problem.page." + label));
        }
    }

    private static String other(Locale language) {
        return language.getLanguage().equals("en") ? "sv" : "en";
    }

    private static Optional<LedgerRule> rule(String code) {
        return Arrays.stream(LedgerRule.values()).filter(rule -> rule.name().equals(code)).findFirst();
    }
}
