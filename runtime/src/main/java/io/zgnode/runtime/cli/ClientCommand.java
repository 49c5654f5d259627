package io.zgnode.runtime.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import io.zgnode.runtime.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A client command: {@code --json}, its output through {@link Output}, and every failure as one
 * line on stderr with exit code 1 (usage errors: 2), never a stack trace. Subclasses implement
 * {@link #run(Output)} and throw {@link UserError} with a message an operator can act on; other
 * exceptions still end as one line.
 */
public abstract class ClientCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected JsonOption jsonOption = new JsonOption();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Override
    public final Integer call() {
        Output output = new Output(jsonOption.json(), spec.commandLine().getOut());
        try {
            run(output);
        } catch (UserError | CommandLine.ParameterException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        } catch (IOException e) {
            throw new UserError(Errors.describe(e));
        } catch (UncheckedIOException e) {
            throw new UserError(Errors.describe(e.getCause()));
        } catch (Exception e) {
            throw new UserError("unexpected error: " + Errors.oneLine(String.valueOf(e)));
        }
        output.finish();
        return 0;
    }

    /** Does the command's work and prints its result; throws {@link UserError} for what the user can fix. */
    protected abstract void run(Output output) throws Exception;
}
