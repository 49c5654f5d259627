package io.zgnode.da.erasure.internal;

/**
 * GF(2^16) = GF(2)[x] / (x^16 + x^5 + x^3 + x^2 + 1), elements written in a Cantor basis.
 *
 * <p>A Cantor basis {@code v_0 .. v_15} has {@code v_0 = 1} and {@code v_i^2 + v_i = v_(i-1)}. The
 * element with representation {@code r} (an int in [0, 65536)) is {@code sum of v_i over the set bits i
 * of r}, so addition stays XOR. Why this basis: the subspace polynomials of the additive FFT,
 * {@code s_0(x) = x, s_j(x) = s_(j-1)(x)^2 + s_(j-1)(x)}, vanish on the span of {@code v_0 .. v_(j-1)},
 * are 1 at {@code v_j} and have derivative 1; and {@code s_1} maps {@code v_i} to {@code v_(i-1)}, so
 * {@code s_j} is a right shift by j of the representation. The FFT's twiddle factors become plain
 * shifted indices and its formal derivative needs no multiplication.
 *
 * <p>Multiplication goes through log/exp tables of the generator {@code x} (the modulus is primitive;
 * the tables are checked to cover all 65535 non-zero elements when built).
 */
public final class Gf16 {

    public static final int BITS = 16;
    public static final int ORDER = 1 << BITS;
    /** Multiplicative group order, and the modulus of logarithms. */
    public static final int MODULUS = ORDER - 1;
    static final int POLYNOMIAL = 0x1002D;

    /** LOG[r]: discrete log of the element with Cantor representation r (r != 0). */
    private static final char[] LOG = new char[ORDER];
    /** EXP[e]: Cantor representation of x^e, for e in [0, MODULUS). */
    private static final char[] EXP = new char[ORDER];
    /** The Cantor basis in polynomial representation. */
    private static final int[] BASIS = new int[BITS];
    private static final char[] CANTOR_TO_POLY = new char[ORDER];
    private static final char[] POLY_TO_CANTOR = new char[ORDER];

    static {
        int[] polyExp = new int[ORDER];
        int[] polyLog = new int[ORDER];
        int state = 1;
        for (int e = 0; e < MODULUS; e++) {
            if (e > 0 && state == 1) {
                throw new IllegalStateException("x is not primitive for the modulus");
            }
            polyExp[e] = state;
            polyLog[state] = e;
            state <<= 1;
            if ((state & ORDER) != 0) {
                state ^= POLYNOMIAL;
            }
        }
        BASIS[0] = 1;
        for (int i = 1; i < BITS; i++) {
            BASIS[i] = halfTrace(BASIS[i - 1], polyExp, polyLog);
        }
        for (int i = 0; i < BITS; i++) {
            int width = 1 << i;
            for (int r = 0; r < width; r++) {
                CANTOR_TO_POLY[r + width] = (char) (CANTOR_TO_POLY[r] ^ BASIS[i]);
            }
        }
        boolean[] seen = new boolean[ORDER];
        for (int r = 0; r < ORDER; r++) {
            int p = CANTOR_TO_POLY[r];
            if (seen[p]) {
                throw new IllegalStateException("the Cantor basis is not linearly independent");
            }
            seen[p] = true;
            POLY_TO_CANTOR[p] = (char) r;
        }
        for (int e = 0; e < MODULUS; e++) {
            EXP[e] = POLY_TO_CANTOR[polyExp[e]];
        }
        EXP[MODULUS] = EXP[0];
        for (int r = 1; r < ORDER; r++) {
            LOG[r] = (char) polyLog[CANTOR_TO_POLY[r]];
        }
    }

    private Gf16() {
    }

    /** The smaller root y of y^2 + y = c (polynomial representation); one exists for each step of a Cantor basis. */
    private static int halfTrace(int c, int[] polyExp, int[] polyLog) {
        for (int y = 1; y < ORDER; y++) {
            int square = polyExp[(int) ((2L * polyLog[y]) % MODULUS)];
            if ((square ^ y) == c) {
                return y;
            }
        }
        throw new IllegalStateException("no Cantor basis element over " + c);
    }

    public static int add(int a, int b) {
        return a ^ b;
    }

    public static int mul(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        int e = LOG[a] + LOG[b];
        return EXP[e >= MODULUS ? e - MODULUS : e];
    }

    /** Discrete log of a non-zero element, in [0, MODULUS). */
    public static int log(int a) {
        if (a == 0) {
            throw new ArithmeticException("log of 0");
        }
        return LOG[a];
    }

    /** x^e for e in [0, MODULUS]. */
    public static int exp(int e) {
        return EXP[e];
    }

    public static int inverse(int a) {
        if (a == 0) {
            throw new ArithmeticException("inverse of 0");
        }
        return EXP[(MODULUS - LOG[a]) % MODULUS];
    }

    /** The Cantor basis element v_i, in Cantor representation (that is, 1 << i). */
    public static int basis(int i) {
        return 1 << i;
    }

    /** The element in the plain polynomial representation (bit i = coefficient of x^i). */
    public static int toPolynomial(int cantor) {
        return CANTOR_TO_POLY[cantor];
    }

    public static int fromPolynomial(int polynomial) {
        return POLY_TO_CANTOR[polynomial];
    }
}
