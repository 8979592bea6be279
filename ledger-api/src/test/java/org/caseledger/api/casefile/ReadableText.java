package org.caseledger.api.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.caseledger.api.wording.Bundles;
import org.caseledger.core.shared.LedgerEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Text as a person reads it off a rendered document, and what it must never contain: a code as stored (an enum
 * constant of the domain, an event type), a placeholder left unfilled or a text missing from the bundles, an instant
 * as stored (UTC, with a {@code T} or a {@code Z}, or nanoseconds), a person by their id, a legal basis by its id.
 */
final class ReadableText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w*}|\\?\\?\\?|\\?\\?[\\w.]+\\?\\?");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?Z\\b|\\d{2}:\\d{2}:\\d{2}\\.\\d+|\\bUTC\\b");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CODES = codes();

    private ReadableText() {
    }

    /** Fails on any code, placeholder, missing text, UTC instant or nanosecond, or id where words belong. */
    static void readsAsWords(String text) {
        readsAsWords(text, List.of(CaseFileSamples.CASE_ID));
    }

    /** As above, the ids the text names as what they are (the case's id, a log's origin) being the ones it may show. */
    static void readsAsWords(String text, List<String> namedIds) {
        assertThat(find(PLACEHOLDER, text)).as("placeholders or missing texts").isEmpty();
        assertThat(find(INSTANT, text)).as("instants as stored, UTC or nanoseconds").isEmpty();
        assertThat(find(CODES, text)).as("codes shown as they are stored").isEmpty();
        assertThat(find(UUID, text)).as("ids where names belong (the case's own id is named as such)")
                .allMatch(namedIds::contains);
        assertThat(Bundles.law().legalBases().stream().map(basis -> basis.id().value()).filter(text::contains))
                .as("legal bases by their id").isEmpty();
    }

    /** Every constant of the domain's enums and every event type's name, as whole words. */
    private static Pattern codes() {
        Set<String> codes = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        for (BeanDefinition definition : scanner.findCandidateComponents("org.caseledger.core")) {
            Arrays.stream(load(definition).getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).forEach(codes::add);
        }
        eventTypes().forEach(type -> codes.add(type.getSimpleName()));
        return Pattern.compile("\\b(" + String.join("|", codes) + ")\\b");
    }

    static Set<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerEvent.class));
        return scanner.findCandidateComponents("org.caseledger.core").stream().map(ReadableText::load)
                .filter(Class::isRecord).collect(Collectors.toSet());
    }

    private static Class<?> load(BeanDefinition definition) {
        try {
            return Class.forName(definition.getBeanClassName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    static int occurrences(String text, String word) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The text as it stands on the page, top to bottom and left to right, rather than in the order it was drawn. */
    static String textInReadingOrder(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }
}
