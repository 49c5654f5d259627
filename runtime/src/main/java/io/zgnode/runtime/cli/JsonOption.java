package io.zgnode.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the command's result as exactly one JSON object on stdout instead of readable lines. */
public final class JsonOption {

    @Option(names = "--json", description = "print the result as one JSON object on stdout (nothing else goes to stdout)")
    boolean json;

    public boolean json() {
        return json;
    }
}
