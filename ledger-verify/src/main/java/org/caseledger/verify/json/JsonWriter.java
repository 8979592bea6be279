package org.caseledger.verify.json;

/**
 * Writes a JSON string in one form only, the string serialization of RFC 8785 (JCS): {@code "} and {@code \} and the
 * controls \b \f \n \r \t escaped by their short forms, the other controls below U+0020 as {@code \}{@code u00xx} in
 * lower case, and every other character as itself. One form means a file can be compared byte for byte.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    public static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
