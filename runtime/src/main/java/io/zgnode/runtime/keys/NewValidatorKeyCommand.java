package io.zgnode.runtime.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgnode.crypto.Hex;
import io.zgnode.runtime.UserError;
import io.zgnode.runtime.cli.ClientCommand;
import io.zgnode.runtime.cli.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zgnode keys validator --out FILE}: a consensus key for a validator (Ed25519, the file
 * {@code --validator-key} takes). Its public key goes into the genesis's validators.
 */
@Command(name = "validator", description = "Create a validator's consensus key (Ed25519) for --validator-key; prints its public key for the genesis;"
        + " JSON: {\"publicKey\", \"file\"}.")
final class NewValidatorKeyCommand extends ClientCommand {

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the key file to write (refused if it exists)")
    Path out;

    @Override
    protected void run(Output output) {
        if (Files.exists(out)) {
            throw new UserError(out + " exists: a validator key is never overwritten");
        }
        byte[] publicKey;
        try {
            publicKey = Ed25519KeyFile.create(out, new SecureRandom());
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
        if (output.isJson()) {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("publicKey", Hex.encode(publicKey));
            json.put("file", out.toAbsolutePath().toString());
            output.json(json);
        } else {
            output.line("validator public key %s", Hex.encode(publicKey));
            output.line("written to %s (keep it secret: it signs this validator's votes)", out.toAbsolutePath());
        }
    }
}
