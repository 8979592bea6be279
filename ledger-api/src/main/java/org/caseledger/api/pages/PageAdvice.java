package org.caseledger.api.pages;

import org.caseledger.api.access.AccessRefusedException;
import org.caseledger.api.problems.Problems;
import org.caseledger.api.security.CurrentStaff;
import org.caseledger.api.security.StaffUser;
import org.caseledger.api.web.NotFoundException;
import org.caseledger.core.shared.InvalidValueException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page shares: the member of staff signed in, for the header; and errors rendered as a page a person
 * can read rather than the API's problem document, in the page's language and in the same words as the API's problems.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private final Problems problems;

    PageAdvice(Problems problems) {
        this.problems = problems;
    }

    /** The member of staff signed in, or none on the sign-in page. */
    @ModelAttribute("staff")
    StaffUser staff() {
        return CurrentStaff.of(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
    }

    @ExceptionHandler(AccessRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(AccessRefusedException e, Model model) {
        return error(model, 403, problems.detail(LocaleContextHolder.getLocale(), e));
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return error(model, 404, problems.text(LocaleContextHolder.getLocale(), "problem.not-found.detail"));
    }

    @ExceptionHandler({InvalidValueException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(RuntimeException e, Model model) {
        return error(model, 400, e instanceof InvalidValueException invalid
                ? problems.valueText(LocaleContextHolder.getLocale(), invalid.field(), invalid.problem(), invalid.facts()) : null);
    }

    /** An error thrown before the handler ran (by the access guard) has no model attributes yet: the staff is added here. */
    private String error(Model model, int status, String detail) {
        model.addAttribute("staff", staff());
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        return "error-page";
    }
}
