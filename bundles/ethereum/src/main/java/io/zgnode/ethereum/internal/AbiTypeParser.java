package io.zgnode.ethereum.internal;

import io.zgnode.ethereum.AbiType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads type strings, function signatures and event declarations as Solidity writes them.
 * Recursive descent over the text; every error names the problem, the position and the text.
 */
public final class AbiTypeParser {
    /** One parameter as declared: its type, its name or "", and whether it is {@code indexed}. */
    public record Parameter(AbiType type, String name, boolean indexed) {
    }

    /** A function signature or event declaration: a name and its parameters. */
    public record Signature(String name, List<Parameter> parameters) {
    }

    private static final int QUOTE_LIMIT = 120;

    private final String text;
    private final String what;
    private int position;

    private AbiTypeParser(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        this.text = text;
        this.what = what;
    }

    public static AbiType type(String text) {
        AbiTypeParser parser = new AbiTypeParser(text, "ABI type");
        parser.skipSpaces();
        AbiType type = parser.type(0);
        parser.expectEnd();
        return type;
    }

    /**
     * A comma-separated list of types, as a function's returns are written: "" or "()" is none,
     * "(T1,T2)" and "T1,T2" are T1 and T2, "T" is T, "((T1,T2))" is the one tuple (T1,T2).
     */
    public static List<AbiType> typeList(String text) {
        AbiTypeParser parser = new AbiTypeParser(text, "ABI type list");
        parser.skipSpaces();
        if (parser.atEnd()) {
            return List.of();
        }
        List<AbiType> types = new ArrayList<>();
        while (true) {
            parser.skipSpaces();
            types.add(parser.parameter(false, 0).type());
            parser.skipSpaces();
            if (parser.atEnd()) {
                break;
            }
            parser.expect(',');
        }
        boolean parenthesized = text.strip().endsWith(")");
        if (types.size() == 1 && types.get(0).kind() == AbiType.Kind.TUPLE && parenthesized) {
            return types.get(0).components();
        }
        return List.copyOf(types);
    }

    /** {@code name(T1 a, T2 b)}: a function signature; names are optional. */
    public static Signature function(String text) {
        return signature(text, "function signature", false);
    }

    /** {@code Name(T1 indexed a, T2 b)}: an event declaration; names are optional. */
    public static Signature event(String text) {
        return signature(text, "event declaration", true);
    }

    private static Signature signature(String text, String what, boolean allowIndexed) {
        AbiTypeParser parser = new AbiTypeParser(text, what);
        parser.skipSpaces();
        String name = parser.identifier();
        if (name.isEmpty()) {
            throw parser.error("expected a name");
        }
        List<Parameter> parameters = parser.parameters(allowIndexed, 0);
        parser.expectEnd();
        return new Signature(name, parameters);
    }

    private AbiType type(int depth) {
        if (depth > AbiType.MAX_DEPTH) {
            throw error("types nest deeper than " + AbiType.MAX_DEPTH);
        }
        int start = position;
        AbiType type;
        if (text.startsWith("tuple(", position)) {
            position += "tuple".length();
        }
        if (peek() == '(') {
            List<AbiType> components = new ArrayList<>();
            for (Parameter parameter : parameters(false, depth + 1)) {
                components.add(parameter.type());
            }
            type = AbiType.tuple(components);
        } else {
            type = elementary(word(), start);
        }
        while (peek() == '[') {
            int bracket = position++;
            int digitsStart = position;
            while (Character.isDigit(peek())) {
                position++;
            }
            String digits = text.substring(digitsStart, position);
            expect(']');
            if (++depth > AbiType.MAX_DEPTH) {
                throw error("types nest deeper than " + AbiType.MAX_DEPTH);
            }
            type = digits.isEmpty() ? AbiType.array(type) : AbiType.fixedArray(type, arrayLength(digits, bracket));
        }
        return type;
    }

    private List<Parameter> parameters(boolean allowIndexed, int depth) {
        expect('(');
        List<Parameter> parameters = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            position++;
            return parameters;
        }
        while (true) {
            skipSpaces();
            parameters.add(parameter(allowIndexed, depth));
            skipSpaces();
            if (peek() == ',') {
                position++;
            } else if (peek() == ')') {
                position++;
                return parameters;
            } else {
                throw error(atEnd() ? "missing ')'" : "expected ',' or ')'");
            }
        }
    }

    private Parameter parameter(boolean allowIndexed, int depth) {
        AbiType type = type(depth);
        boolean indexed = false;
        String name = "";
        while (peek() == ' ') {
            skipSpaces();
            int start = position;
            String word = identifier();
            if (word.isEmpty()) {
                break;
            }
            if (word.equals("indexed")) {
                // a keyword, never a name; once, before the name, and only in events
                if (!allowIndexed || indexed || !name.isEmpty()) {
                    position = start;
                    throw error("unexpected 'indexed'");
                }
                indexed = true;
            } else if (name.isEmpty()) {
                name = word;
            } else {
                position = start;
                throw error("unexpected '" + word + "'");
            }
        }
        return new Parameter(type, name, indexed);
    }

    private AbiType elementary(String word, int start) {
        try {
            switch (word) {
                case "address":
                    return AbiType.ADDRESS;
                case "bool":
                    return AbiType.BOOL;
                case "string":
                    return AbiType.STRING;
                case "bytes":
                    return AbiType.BYTES;
                case "uint":
                    return AbiType.UINT256;
                case "int":
                    return AbiType.signed(256);
                default:
                    break;
            }
            if (word.startsWith("uint") && isNumber(word, 4)) {
                return AbiType.unsigned(Integer.parseInt(word.substring(4)));
            }
            if (word.startsWith("int") && isNumber(word, 3)) {
                return AbiType.signed(Integer.parseInt(word.substring(3)));
            }
            if (word.startsWith("bytes") && isNumber(word, 5)) {
                return AbiType.fixedBytes(Integer.parseInt(word.substring(5)));
            }
        } catch (IllegalArgumentException e) {
            position = start;
            throw error(e.getMessage());
        }
        position = start;
        if (word.isEmpty()) {
            throw error(atEnd() ? "missing type" : "expected a type");
        }
        if (word.equals("function") || word.startsWith("fixed") || word.startsWith("ufixed")) {
            throw error("type '" + word + "' is not supported");
        }
        throw error("unknown type '" + word + "'");
    }

    /** Digits after {@code prefix}: at most 3, no leading zero, so that "uint08" is not uint8. */
    private static boolean isNumber(String word, int prefix) {
        int digits = word.length() - prefix;
        if (digits < 1 || digits > 3 || word.charAt(prefix) == '0') {
            return false;
        }
        for (int i = prefix; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private int arrayLength(String digits, int bracket) {
        if (digits.length() > 9 || digits.charAt(0) == '0') {
            position = bracket;
            throw error(digits.charAt(0) == '0' ? "array length must be at least 1 without leading zeros" : "array length too large");
        }
        return Integer.parseInt(digits);
    }

    /** Lower-case letters and digits: the words of elementary types. */
    private String word() {
        int start = position;
        while (!atEnd() && (Character.isLowerCase(text.charAt(position)) || Character.isDigit(text.charAt(position)))) {
            position++;
        }
        return text.substring(start, position);
    }

    private String identifier() {
        int start = position;
        while (!atEnd()) {
            char c = text.charAt(position);
            boolean allowed = c < 128 && (Character.isLetter(c) || c == '_' || c == '$' || (position > start && Character.isDigit(c)));
            if (!allowed) {
                break;
            }
            position++;
        }
        return text.substring(start, position);
    }

    private void skipSpaces() {
        while (peek() == ' ') {
            position++;
        }
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error(atEnd() ? "missing '" + c + "'" : "expected '" + c + "'");
        }
        position++;
    }

    private void expectEnd() {
        skipSpaces();
        if (!atEnd()) {
            throw error("unexpected '" + text.charAt(position) + "'");
        }
    }

    private IllegalArgumentException error(String problem) {
        String quoted = text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
        return new IllegalArgumentException("invalid " + what + " \"" + quoted + "\": " + problem + " at position " + position);
    }
}
