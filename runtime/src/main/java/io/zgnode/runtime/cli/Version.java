package io.zgnode.runtime.cli;

import io.zgnode.runtime.Main;
import picocli.CommandLine;

/** {@code --version} of the client commands: the launcher's version. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"zgnode " + Main.version()};
    }
}
