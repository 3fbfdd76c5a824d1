package org.ecovalue.schemas.hj212;

/** Quoting untrusted packet text in rejection details: short, and without control characters. */
final class Hj212Text {

    static final int MAX_QUOTED = 48;

    private Hj212Text() {
    }

    static String abbreviate(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_QUOTED) + 3);
        for (int i = 0; i < s.length() && b.length() < MAX_QUOTED; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        if (s.length() > MAX_QUOTED) {
            b.append('…');
        }
        return b.toString();
    }
}
