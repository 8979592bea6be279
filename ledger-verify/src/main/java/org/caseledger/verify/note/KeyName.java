package org.caseledger.verify.note;

/** The rule for key names of c2sp.org/signed-note: not empty, no Unicode space, no plus sign (and no control character). */
public final class KeyName {

    private KeyName() {
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '+' || c < 0x20 || c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isSurrogate((char) c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    static String require(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("not a key name (empty, or with a space, a plus sign or a control character): " + name);
        }
        return name;
    }
}
