package io.zgnode.runtime.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import io.zgnode.runtime.UserError;

/**
 * Where a key file's password comes from, the same for every command:
 * <ol>
 * <li>{@code --password-file FILE}: its first line, without the line break;</li>
 * <li>else the environment variable {@value #ENVIRONMENT_VARIABLE};</li>
 * <li>else a prompt on the terminal, without echo (twice for a new key file, and both must match);</li>
 * <li>else, with no terminal, the error "no password: give --password-file FILE or set ZGNODE_PASSWORD".</li>
 * </ol>
 * Commands use {@link #current()}; tests replace it ({@link #replace}) with their own environment and prompt.
 */
public final class Passwords {

    public static final String ENVIRONMENT_VARIABLE = "ZGNODE_PASSWORD";

    /** Largest password file read: a password is a line, not a document. */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    /** A terminal prompt without echo. */
    @FunctionalInterface
    public interface Prompt {
        /** The line typed (without its line break), or null at end of input. */
        String ask(String question);
    }

    private static volatile Passwords current;

    private final Function<String, String> environment;
    private final Prompt prompt;

    /**
     * @param environment looks up environment variables ({@code System::getenv})
     * @param prompt asks the user, or null where there is no terminal
     */
    public Passwords(Function<String, String> environment, Prompt prompt) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.prompt = prompt;
    }

    /** The process's environment and {@link System#console()}, when there is one. */
    public static Passwords system() {
        Console console = System.console();
        return new Passwords(System::getenv, console == null ? null : question -> {
            char[] typed = console.readPassword("%s", question);
            if (typed == null) {
                return null;
            }
            String password = new String(typed);
            Arrays.fill(typed, '\0');
            return password;
        });
    }

    /** What commands use: {@link #system()} unless replaced. */
    public static Passwords current() {
        Passwords passwords = current;
        return passwords != null ? passwords : system();
    }

    /** Makes {@code passwords} the {@link #current()} one until the returned handle is closed (for tests). */
    public static Restore replace(Passwords passwords) {
        Passwords previous = current;
        current = passwords;
        return () -> current = previous;
    }

    /** Undoes a {@link #replace}. */
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    /** The password of an existing key file {@code what} (named in the prompt). */
    public String existing(PasswordOption option, String what) {
        String given = given(option);
        if (given != null) {
            return given;
        }
        String password = requirePrompt().ask("Password for " + what + ": ");
        if (password == null) {
            throw new UserError("no password given");
        }
        return password;
    }

    /** The password for a new key file {@code what}: at the prompt, asked twice. */
    public String forNew(PasswordOption option, String what) {
        String given = given(option);
        if (given != null) {
            return given;
        }
        Prompt terminal = requirePrompt();
        String password = terminal.ask("Password for the new key file " + what + ": ");
        if (password == null) {
            throw new UserError("no password given");
        }
        String again = terminal.ask("Repeat the password: ");
        if (!password.equals(again)) {
            throw new UserError("the passwords do not match");
        }
        return password;
    }

    /** From the password file or the environment, or null when neither gives one. */
    private String given(PasswordOption option) {
        Path file = option == null ? null : option.passwordFile();
        if (file != null) {
            return readFile(file);
        }
        return environment.apply(ENVIRONMENT_VARIABLE);
    }

    private Prompt requirePrompt() {
        if (prompt == null) {
            throw new UserError("no password: give --password-file FILE or set " + ENVIRONMENT_VARIABLE);
        }
        return prompt;
    }

    /** The first line of {@code file}, without its line break ("\n" or "\r\n"). */
    static String readFile(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new UserError("password file " + file + " is a directory");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UserError("password file " + file + " is larger than " + MAX_FILE_BYTES + " bytes: not a password");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new UserError("password file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read password file " + Errors.describe(e));
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
