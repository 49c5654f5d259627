package io.zgnode.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.zgnode.runtime.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command group whose subcommands picocli meets only when the group runs. The launcher's
 * command line is built for every {@code zgnode start}, and picocli builds the model of every
 * command in it by reflection (about 45 ms for the client commands, measured): the launcher names only
 * small groups like this one, which take the rest of the command line as it is and hand it to
 * the group's real command tree ({@link #commands()}), built on demand, with the launcher's
 * conventions: a {@link UserError} is one line {@code zgnode: ...} on stderr and exit code 1, a
 * usage error one line and exit code 2.
 */
public abstract class LazyGroup implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    /** The group's real command (its name is replaced by the qualified one, e.g. "zgnode keys"). */
    protected abstract Object commands();

    @Override
    public Integer call() {
        return execute(spec, this::commands, arguments);
    }

    /** Runs {@code arguments} against the command tree {@code commands} gives, as the launcher runs its own commands. */
    static int execute(CommandSpec group, Supplier<Object> commands, List<String> arguments) {
        CommandLine commandLine = new CommandLine(commands.get());
        commandLine.setCommandName(group.qualifiedName());
        commandLine.setOut(group.commandLine().getOut());
        commandLine.setErr(group.commandLine().getErr());
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UserError) {
                command.getErr().println("zgnode: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring("Error: ".length()) : e.getMessage();
            e.getCommandLine().getErr().println("zgnode: " + Errors.oneLine(message) + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return 2;
        });
        return commandLine.execute(arguments.toArray(String[]::new));
    }

    /** For a group's root command run without a subcommand: a usage error naming the subcommands. */
    public static CommandLine.ParameterException missingCommand(CommandSpec spec) {
        List<String> names = spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
        return new CommandLine.ParameterException(spec.commandLine(), "missing command: give one of " + String.join(", ", names));
    }
}
