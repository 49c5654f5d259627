package io.zgnode.ethereum.internal;

/**
 * A problem with one value deep inside an encoding, carrying where it is ("[1][0]") as the
 * recursion unwinds. Internal only: the codecs turn it into a one-line public exception.
 */
final class ValueError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private String path = "";
    private final String problem;

    ValueError(String problem) {
        super(problem, null, false, false);
        this.problem = problem;
    }

    /** Records that the value is element {@code index} of its parent. */
    ValueError at(int index) {
        path = "[" + index + "]" + path;
        return this;
    }

    /** "subject at [1][0]: problem", or "subject: problem" at the top. */
    String describe(String subject) {
        return subject + (path.isEmpty() ? ": " : " at " + path + ": ") + problem;
    }
}
