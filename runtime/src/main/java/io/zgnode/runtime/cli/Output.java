package io.zgnode.runtime.cli;

import java.io.PrintWriter;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a client command prints on stdout: readable lines in text mode, or exactly one JSON object
 * with {@code --json}. A command calls both {@link #line} and {@link #json}; each is silent in the
 * other mode, so stdout never mixes the two. Errors are not printed here: a command throws a
 * {@link io.zgnode.runtime.UserError} and the launcher prints it as one line on stderr.
 */
public final class Output {

    private final boolean json;
    private final PrintWriter out;
    private boolean written;

    public Output(boolean json, PrintWriter out) {
        this.json = json;
        this.out = Objects.requireNonNull(out, "out");
    }

    /** True with {@code --json}. */
    public boolean isJson() {
        return json;
    }

    /** A readable line on stdout; nothing in JSON mode. */
    public void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    /** A readable line made with {@link String#format}; nothing in JSON mode. */
    public void line(String format, Object... args) {
        line(String.format(format, args));
    }

    /**
     * The command's one JSON object (a Map, a record, a Jackson ObjectNode...) on one line of
     * stdout; nothing in text mode. Keys appear in the object's order: use a LinkedHashMap or a
     * record to fix it.
     *
     * @throws IllegalStateException when a JSON object was already written, or the value is not an object
     */
    public void json(Object value) {
        if (!json) {
            return;
        }
        if (written) {
            throw new IllegalStateException("a command prints exactly one JSON object");
        }
        JsonNode tree = Json.MAPPER.valueToTree(value);
        if (tree == null || !tree.isObject()) {
            throw new IllegalStateException("a command's JSON result must be an object, not " + (tree == null ? "null" : tree.getNodeType()));
        }
        try {
            out.println(Json.MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        written = true;
    }

    /** Checks that a command that succeeded in JSON mode printed its object. */
    void finish() {
        if (json && !written) {
            throw new IllegalStateException("the command printed no JSON object");
        }
        out.flush();
    }
}
