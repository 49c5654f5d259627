package io.zgnode.storage.merkle;

/** The byte patterns the conformance vectors name (see src/test/resources/README.md). */
final class Patterns {

    private Patterns() {
    }

    static byte[] bytes(String pattern, int size) {
        byte[] b = new byte[size];
        if (pattern.equals("affine")) {
            for (int i = 0; i < size; i++) {
                b[i] = (byte) (i * 31 + 7);
            }
            return b;
        }
        if (!pattern.startsWith("xs:")) {
            throw new IllegalArgumentException("unknown pattern " + pattern);
        }
        int x = (int) Long.parseLong(pattern.substring(3));
        if (x == 0) {
            x = 1;
        }
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            b[i] = (byte) x;
        }
        return b;
    }
}
