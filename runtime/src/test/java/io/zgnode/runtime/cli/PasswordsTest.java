package io.zgnode.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zgnode.runtime.UserError;

class PasswordsTest {

    @TempDir
    Path directory;

    /** A prompt that answers from a list and remembers the questions. */
    static final class ScriptedPrompt implements Passwords.Prompt {
        final Deque<String> answers;
        final List<String> questions = new ArrayList<>();

        ScriptedPrompt(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String ask(String question) {
            questions.add(question);
            return answers.poll();
        }
    }

    private Path file(String content) throws Exception {
        Path file = Files.createTempFile(directory, "password", ".txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theFileComesFirstThenTheEnvironmentThenThePromptThenAnError() throws Exception {
        ScriptedPrompt prompt = new ScriptedPrompt("from prompt", "from prompt");
        PasswordOption withFile = new PasswordOption(file("from file\n"));
        PasswordOption withoutFile = new PasswordOption();
        Map<String, String> env = Map.of(Passwords.ENVIRONMENT_VARIABLE, "from env");

        assertThat(new Passwords(env::get, prompt).existing(withFile, "k.json")).isEqualTo("from file");
        assertThat(new Passwords(env::get, prompt).existing(withoutFile, "k.json")).isEqualTo("from env");
        assertThat(new Passwords(Map.<String, String>of()::get, prompt).existing(withoutFile, "k.json")).isEqualTo("from prompt");
        assertThat(prompt.questions).containsExactly("Password for k.json: ");
        assertThatThrownBy(() -> new Passwords(Map.<String, String>of()::get, null).existing(withoutFile, "k.json"))
                .isInstanceOf(UserError.class).hasMessage("no password: give --password-file FILE or set ZGNODE_PASSWORD");
        assertThatThrownBy(() -> new Passwords(Map.<String, String>of()::get, null).forNew(null, "k.json"))
                .isInstanceOf(UserError.class).hasMessage("no password: give --password-file FILE or set ZGNODE_PASSWORD");
    }

    @Test
    void anEmptyEnvironmentVariableIsAnEmptyPasswordNotAMissingOne() {
        assertThat(new Passwords(Map.of(Passwords.ENVIRONMENT_VARIABLE, "")::get, null).existing(new PasswordOption(), "k")).isEmpty();
    }

    @Test
    void aPasswordFileGivesItsFirstLineWithoutTheLineBreak() throws Exception {
        Passwords passwords = new Passwords(Map.<String, String>of()::get, null);
        assertThat(passwords.existing(new PasswordOption(file("s3cret\r\nsecond line\n")), "k")).isEqualTo("s3cret");
        assertThat(passwords.existing(new PasswordOption(file("no line break")), "k")).isEqualTo("no line break");
        assertThat(passwords.existing(new PasswordOption(file("  spaces kept  \n")), "k")).isEqualTo("  spaces kept  ");
        assertThat(passwords.existing(new PasswordOption(file("pässwörd\n")), "k")).isEqualTo("pässwörd");
        assertThat(passwords.existing(new PasswordOption(file("")), "k")).isEmpty();
    }

    @Test
    void aMissingPasswordFileIsOneClearError() {
        Path missing = directory.resolve("missing");
        assertThatThrownBy(() -> new Passwords(Map.<String, String>of()::get, null).existing(new PasswordOption(missing), "k"))
                .isInstanceOf(UserError.class).hasMessage("cannot read password file " + missing + ": no such file or directory");
    }

    @Test
    void aNewPasswordIsAskedTwiceAndMustMatch() {
        ScriptedPrompt matching = new ScriptedPrompt("pw", "pw");
        assertThat(new Passwords(Map.<String, String>of()::get, matching).forNew(new PasswordOption(), "k.json")).isEqualTo("pw");
        assertThat(matching.questions).containsExactly("Password for the new key file k.json: ", "Repeat the password: ");

        assertThatThrownBy(() -> new Passwords(Map.<String, String>of()::get, new ScriptedPrompt("pw", "wp")).forNew(new PasswordOption(), "k"))
                .isInstanceOf(UserError.class).hasMessage("the passwords do not match");
        assertThatThrownBy(() -> new Passwords(Map.<String, String>of()::get, new ScriptedPrompt()).forNew(new PasswordOption(), "k"))
                .isInstanceOf(UserError.class).hasMessage("no password given");
    }

    @Test
    void aNewPasswordFromAFileOrTheEnvironmentIsNotAskedAgain() throws Exception {
        ScriptedPrompt prompt = new ScriptedPrompt();
        Passwords passwords = new Passwords(Map.of(Passwords.ENVIRONMENT_VARIABLE, "env")::get, prompt);
        assertThat(passwords.forNew(new PasswordOption(), "k")).isEqualTo("env");
        assertThat(passwords.forNew(new PasswordOption(file("file\n")), "k")).isEqualTo("file");
        assertThat(prompt.questions).isEmpty();
    }
}
