package io.zgnode.net.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import io.zgnode.crypto.Ed25519;
import io.zgnode.crypto.X25519;
import io.zgnode.net.wire.ProtocolException.Kind;

/**
 * One side of the handshake of one connection (see the package documentation): makes this
 * side's HELLO, takes the peer's, derives the session and signs and checks the AUTH signatures.
 * Used by one thread at a time.
 */
public final class Handshake {

    /** Largest frame accepted before the session is up (HELLO, AUTH). */
    public static final int MAX_HANDSHAKE_FRAME = 512;

    private static final byte[] TRANSCRIPT_LABEL = "zgnode/net/1 transcript".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYS_LABEL = "zgnode/net/1 session keys".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTH_LABEL = "zgnode/net/1 auth".getBytes(StandardCharsets.US_ASCII);

    private final boolean initiator;
    private final Ed25519.KeyPair identity;
    private final X25519.KeyPair ephemeral;
    private final byte[] ownHello;
    private Hello peer;
    private byte[] peerHelloBytes;
    private Ed25519.PublicKey peerKey;
    private byte[] transcript;

    /** The derived session of a completed key exchange. */
    public record Session(SessionCipher sender, SessionCipher receiver, byte[] signature) {
    }

    public Handshake(boolean initiator, Ed25519.KeyPair identity, long chainId, byte[] genesis, String listen, SecureRandom random) {
        this.initiator = initiator;
        this.identity = identity;
        this.ephemeral = X25519.generate(random);
        this.ownHello = new Hello(chainId, genesis, ephemeral.publicKey(), identity.publicKey().bytes(), listen).encode();
    }

    public boolean initiator() {
        return initiator;
    }

    /** This side's HELLO body. */
    public byte[] hello() {
        return ownHello.clone();
    }

    /** Parses the peer's HELLO body; the caller then checks network, identity and bans. */
    public Hello receive(byte[] body) throws ProtocolException {
        if (peer != null) {
            throw new ProtocolException(Kind.HANDSHAKE, "second hello");
        }
        Hello hello = Hello.decode(body);
        try {
            peerKey = Ed25519.PublicKey.of(hello.identity());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(Kind.HANDSHAKE, "hello identity is not a valid Ed25519 public key");
        }
        peer = hello;
        peerHelloBytes = body.clone();
        return hello;
    }

    /**
     * Derives the session keys and this side's AUTH signature.
     *
     * @throws ProtocolException if the peer's ephemeral key is a low-order point
     */
    public Session session() throws ProtocolException {
        if (peer == null) {
            throw new IllegalStateException("no hello received");
        }
        byte[] helloI = initiator ? ownHello : peerHelloBytes;
        byte[] helloR = initiator ? peerHelloBytes : ownHello;
        transcript = transcript(helloI, helloR);
        byte[] shared;
        try {
            shared = ephemeral.agree(peer.ephemeral());
        } catch (InvalidKeyException e) {
            throw new ProtocolException(Kind.HANDSHAKE, "ephemeral key is a low-order point");
        }
        byte[] okm = new byte[64];
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, transcript, KEYS_LABEL));
        hkdf.generateBytes(okm, 0, okm.length);
        Arrays.fill(shared, (byte) 0);
        byte[] i2r = Arrays.copyOfRange(okm, 0, 32);
        byte[] r2i = Arrays.copyOfRange(okm, 32, 64);
        Arrays.fill(okm, (byte) 0);
        SessionCipher sender = new SessionCipher(initiator ? i2r : r2i);
        SessionCipher receiver = new SessionCipher(initiator ? r2i : i2r);
        byte[] signature = identity.sign(authMessage(initiator, transcript));
        return new Session(sender, receiver, signature);
    }

    /** Whether {@code signature} is the peer's AUTH for this session. */
    public boolean verify(byte[] signature) {
        if (transcript == null) {
            throw new IllegalStateException("no session");
        }
        return peerKey.verify(authMessage(!initiator, transcript), signature);
    }

    static byte[] transcript(byte[] helloI, byte[] helloR) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TRANSCRIPT_LABEL);
            sha.update(ByteBuffer.allocate(2).putShort((short) helloI.length).array());
            sha.update(helloI);
            sha.update(ByteBuffer.allocate(2).putShort((short) helloR.length).array());
            sha.update(helloR);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    static byte[] authMessage(boolean byInitiator, byte[] transcript) {
        return ByteBuffer.allocate(AUTH_LABEL.length + 1 + transcript.length).put(AUTH_LABEL)
                .put((byte) (byInitiator ? 'I' : 'R')).put(transcript).array();
    }
}
