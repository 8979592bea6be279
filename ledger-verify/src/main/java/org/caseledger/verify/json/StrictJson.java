package org.caseledger.verify.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseledger.verify.primitives.StrictUtf8;

/**
 * Reads JSON (RFC 8259) strictly and within bounds, for files that come from anyone: the input must be valid UTF-8
 * and no larger than {@link Limits#maxBytes}, nested no deeper than {@link Limits#maxDepth}; an object may not hold
 * a key twice; strings must be well escaped (no raw control character, no unpaired surrogate); nothing may follow
 * the value. With {@link Limits#integersOnly} every number must be an integer within a {@code long}; otherwise other
 * numbers are kept as {@link JsonNumber} text. Values: {@code Map<String, Object>} (keys in file order),
 * {@code List<Object>}, {@code String}, {@code Long}, {@code Boolean}, {@link JsonNumber} and {@link #NULL}.
 * Recursion is bounded by the depth limit, so no input can exhaust the stack.
 */
public final class StrictJson {

    /** The JSON {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** How much the reader accepts. */
    public record Limits(int maxBytes, int maxDepth, boolean integersOnly) {
    }

    private final String text;
    private final Limits limits;
    private int position;

    private StrictJson(String text, Limits limits) {
        this.text = text;
        this.limits = limits;
    }

    public static Object parse(byte[] bytes, Limits limits) throws MalformedJsonException {
        if (bytes.length > limits.maxBytes()) {
            throw new MalformedJsonException("longer than " + limits.maxBytes() + " bytes");
        }
        String text = StrictUtf8.decode(bytes).orElseThrow(() -> new MalformedJsonException("not UTF-8"));
        StrictJson reader = new StrictJson(text, limits);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("data after the value");
        }
        return value;
    }

    private Object value(int depth) throws MalformedJsonException {
        if (position >= text.length()) {
            throw error("the text ends where a value should be");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character");
            }
        };
    }

    private Map<String, Object> object(int depth) throws MalformedJsonException {
        requireDepth(depth);
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("a key must be a string");
            }
            String key = string();
            if (members.containsKey(key)) {
                throw error("the key \"" + shorten(key) + "\" appears twice");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, value(depth));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                return Collections.unmodifiableMap(members);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws MalformedJsonException {
        requireDepth(depth);
        position++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                return Collections.unmodifiableList(items);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws MalformedJsonException {
        position++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw error("a raw control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("a string is not closed");
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw error("an unknown escape \\" + escaped);
            }
        }
        String value = out.toString();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("a string holds an unpaired surrogate");
            }
        }
        return value;
    }

    private char hex4() throws MalformedJsonException {
        if (position + 4 > text.length()) {
            throw error("a \\u escape is cut short");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0) {
                throw error("a \\u escape holds a non-hex digit");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private Object number() throws MalformedJsonException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                position++;
            }
        } else {
            throw error("a number has no digits");
        }
        boolean integer = true;
        if (peek() == '.') {
            integer = false;
            position++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            requireDigits();
        }
        String number = text.substring(start, position);
        if (integer && number.length() <= 20) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException e) {
                // beyond a long: decided below
            }
        }
        if (limits.integersOnly()) {
            position = start;
            throw error(integer ? "an integer beyond the range of a 64-bit signed number" : "a number that is not an integer");
        }
        return new JsonNumber(number);
    }

    private void requireDigits() throws MalformedJsonException {
        if (!isDigit(peek())) {
            throw error("a number is cut short");
        }
        while (isDigit(peek())) {
            position++;
        }
    }

    private Object literal(String word, Object value) throws MalformedJsonException {
        if (!text.startsWith(word, position)) {
            throw error("unexpected character");
        }
        position += word.length();
        return value;
    }

    private void requireDepth(int depth) throws MalformedJsonException {
        if (depth > limits.maxDepth()) {
            throw error("nested deeper than " + limits.maxDepth() + " levels");
        }
    }

    private void expect(char c) throws MalformedJsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private MalformedJsonException error(String what) {
        return new MalformedJsonException(what + " at character " + position);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
