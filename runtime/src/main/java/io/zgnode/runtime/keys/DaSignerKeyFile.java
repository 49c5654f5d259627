package io.zgnode.runtime.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.PrivateKey;
import io.zgnode.runtime.cli.Json;

/**
 * Key files of DA signers as the DA node reads them (configuration {@code io.zgnode.da
 * signerKeyFile}): {@code {"type":"secp256k1","address":"0x..","privateKey":"0x.."}}, not
 * encrypted (the signer signs unattended, as a validator does), readable by its owner only.
 */
public final class DaSignerKeyFile {

    private DaSignerKeyFile() {
    }

    /** Creates a key file (unless it exists) and returns its address. */
    public static Address create(Path file, SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return Address.of(Json.MAPPER.readTree(file.toFile()).get("address").asText());
        }
        PrivateKey key = PrivateKey.random(random);
        Address address = Address.of(key.address());
        Map<String, String> json = new LinkedHashMap<>();
        json.put("type", "secp256k1");
        json.put("address", address.toString());
        json.put("privateKey", Hex.encode(key.bytes()));
        Ed25519KeyFile.writeOwnerOnly(file, json);
        return address;
    }
}
