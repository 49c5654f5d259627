package io.zgnode.runtime.cli;

import io.zgnode.runtime.cli.storage.Fragments;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --fragment-size BYTES}: a file larger than this is stored as several flow entries of this
 * many bytes each, as the official SDK splits files ({@link Fragments}). The default, 4 GiB, is the
 * most one entry takes; smaller sizes split small files (tests, or entries kept small on purpose).
 */
public final class FragmentSizeOption {

    @Option(names = "--fragment-size", paramLabel = "BYTES", defaultValue = "4294967296",
            description = "a larger file is stored as several flow entries (fragments) of this many bytes, each with its own root, as the"
                    + " official SDK splits files: a power of two from 262144 (one segment) to 4294967296 (4 GiB, the default)")
    long bytes = 4L << 30;

    /** The fragment size; one that cannot be used is a usage error naming the option. */
    public long checked(CommandSpec spec) {
        Fragments.problem(bytes).ifPresent(problem -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fragment-size: " + problem);
        });
        return bytes;
    }
}
