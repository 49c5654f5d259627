package io.zgnode.runtime;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code zgnode}: the node launcher and its client commands. */
@Command(name = "zgnode", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An open, modular node for a 0G-style network.",
        subcommands = {StartCommand.class, FeaturesCommand.class, io.zgnode.runtime.keys.KeysGroup.class, io.zgnode.runtime.cli.ClientGroup.class, io.zgnode.runtime.devnet.DevnetGroup.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("zgnode: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        commandLine.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("zgnode: " + e.getMessage() + " (see zgnode help " + e.getCommandLine().getCommandName() + ")");
            return 2;
        });
        return commandLine.execute(args);
    }

    /** The version the launcher jar was built as. */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"zgnode " + version()};
        }
    }
}
