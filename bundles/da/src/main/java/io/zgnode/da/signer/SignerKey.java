package io.zgnode.da.signer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zgnode.api.chain.Address;
import io.zgnode.crypto.Hex;
import io.zgnode.crypto.PrivateKey;

/**
 * A DA signer's key: secp256k1, so that its signatures recover to the address it registered with
 * (and the same key pays for the certificates it submits). The file is
 * {@code {"type":"secp256k1","address":"0x..","privateKey":"0x.."}}, unencrypted like a validator
 * key, readable by its owner only: a signer signs unattended.
 */
public record SignerKey(Address address, PrivateKey key) {

    public static final String TYPE = "secp256k1";

    /**
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static SignerKey read(Path file) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the DA signer key file " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !TYPE.equals(json.path("type").asText())) {
            throw new IllegalArgumentException("the DA signer key file " + file + " is not a " + TYPE + " key file (\"type\":\"" + TYPE + "\")");
        }
        PrivateKey key;
        try {
            key = PrivateKey.of(Hex.decode(json.path("privateKey").asText()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the DA signer key file " + file + " holds no valid privateKey: " + e.getMessage(), e);
        }
        Address address = Address.of(key.address());
        if (json.hasNonNull("address") && !Address.of(json.get("address").asText()).equals(address)) {
            throw new IllegalArgumentException("the DA signer key file " + file + " says address " + json.get("address").asText()
                    + " but its key is " + address + "'s");
        }
        return new SignerKey(address, key);
    }
}
