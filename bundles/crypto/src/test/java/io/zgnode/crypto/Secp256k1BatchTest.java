package io.zgnode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link Secp256k1#recoverToClaimedKeys}: true exactly when every claim's signature recovers to its key. */
class Secp256k1BatchTest {

    private static final BigInteger N = Secp256k1Test.N;
    private static final int BATCH = 40;

    private final SecureRandom secureRandom = new SecureRandom();
    private final SplittableRandom random = new SplittableRandom(11);
    private final List<PrivateKey> keys = new ArrayList<>();

    Secp256k1BatchTest() {
        for (int i = 0; i < 8; i++) {
            keys.add(PrivateKey.random(secureRandom));
        }
    }

    /** Claims signed by the keys in turn (so several share a key), each over a random hash. */
    private List<SignatureClaim> validClaims(int count) {
        List<SignatureClaim> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PrivateKey key = keys.get(i % keys.size());
            byte[] hash = randomHash();
            claims.add(new SignatureClaim(hash, key.sign(hash), key.publicKey()));
        }
        return claims;
    }

    private byte[] randomHash() {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return hash;
    }

    private static boolean check(List<SignatureClaim> claims) {
        return Secp256k1.recoverToClaimedKeys(claims, Secp256k1.HighS.REJECT);
    }

    /** The batch with claim {@code index} replaced by {@code change} of it. */
    private static List<SignatureClaim> with(List<SignatureClaim> claims, int index, UnaryOperator<SignatureClaim> change) {
        List<SignatureClaim> changed = new ArrayList<>(claims);
        changed.set(index, change.apply(claims.get(index)));
        return changed;
    }

    private static SignatureClaim withSignature(SignatureClaim claim, Signature signature) {
        return new SignatureClaim(claim.hash(), signature, claim.key());
    }

    @Test
    void validBatchesOfEverySizeHold() {
        for (int size : new int[] {1, 2, 3, 17, BATCH, 256}) {
            assertThat(check(validClaims(size))).as("%d valid claims", size).isTrue();
        }
    }

    @Test
    void oneFalseClaimAnywhereInTheBatchFailsIt() {
        List<SignatureClaim> claims = validClaims(BATCH);
        PublicKey stranger = PrivateKey.random(secureRandom).publicKey();
        for (int index : new int[] {0, 17, BATCH - 1}) {
            assertThat(check(with(claims, index, c -> new SignatureClaim(c.hash(), c.signature(), stranger)))).as("another key").isFalse();
            assertThat(check(with(claims, index, c -> new SignatureClaim(randomHash(), c.signature(), c.key())))).as("another hash").isFalse();
            assertThat(check(with(claims, index, c -> withSignature(c,
                    new Signature(c.signature().r(), c.signature().s().add(BigInteger.ONE), c.signature().recoveryId()))))).as("s + 1").isFalse();
            assertThat(check(with(claims, index, c -> withSignature(c,
                    new Signature(c.signature().r().add(BigInteger.ONE), c.signature().s(), c.signature().recoveryId()))))).as("r + 1").isFalse();
            // the other parity names the other point with that x: a valid ECDSA signature that recovers to another key
            assertThat(check(with(claims, index, c -> withSignature(c,
                    new Signature(c.signature().r(), c.signature().s(), 1 - c.signature().recoveryId()))))).as("flipped recovery id").isFalse();
        }
    }

    @Test
    void malformedSignaturesFailTheBatch() {
        List<SignatureClaim> claims = validClaims(BATCH);
        assertThat(check(with(claims, 3, c -> withSignature(c, new Signature(BigInteger.valueOf(5), BigInteger.ONE, 0))))).as("r not an x-coordinate").isFalse();
        assertThat(check(with(claims, 3, c -> withSignature(c, new Signature(BigInteger.ZERO, c.signature().s(), 0))))).as("r = 0").isFalse();
        assertThat(check(with(claims, 3, c -> withSignature(c, new Signature(c.signature().r(), BigInteger.ZERO, 0))))).as("s = 0").isFalse();
        assertThat(check(with(claims, 3, c -> withSignature(c, new Signature(c.signature().r(), N, 0))))).as("s = n").isFalse();
    }

    @Test
    void highSIsRefusedOnlyWhenAsked() {
        List<SignatureClaim> claims = with(validClaims(BATCH), 5, c -> withSignature(c,
                new Signature(c.signature().r(), N.subtract(c.signature().s()), 1 - c.signature().recoveryId())));
        // (r, n - s) with the other parity recovers the same key: plain ECDSA accepts it, EIP-2 does not
        assertThat(Secp256k1.recoverToClaimedKeys(claims, Secp256k1.HighS.ACCEPT)).isTrue();
        assertThat(Secp256k1.recoverToClaimedKeys(claims, Secp256k1.HighS.REJECT)).isFalse();
    }

    @Test
    void agreesWithRecoveringEachSignatureOnRandomlyCorruptedBatches() throws Exception {
        PublicKey stranger = PrivateKey.random(secureRandom).publicKey();
        for (int round = 0; round < 30; round++) {
            List<SignatureClaim> claims = validClaims(20);
            if (random.nextBoolean()) {
                claims = with(claims, random.nextInt(claims.size()), c -> random.nextBoolean()
                        ? new SignatureClaim(c.hash(), c.signature(), stranger)
                        : withSignature(c, new Signature(c.signature().r(), c.signature().s(), 1 - c.signature().recoveryId())));
            }
            boolean everyOneRecovers = true;
            for (SignatureClaim claim : claims) {
                everyOneRecovers &= recoversTo(claim);
            }
            assertThat(check(claims)).as("round %d", round).isEqualTo(everyOneRecovers);
        }
    }

    private static boolean recoversTo(SignatureClaim claim) {
        try {
            return Secp256k1.recover(claim.hash(), claim.signature(), Secp256k1.HighS.REJECT).equals(claim.key());
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    @Test
    void anEmptyBatchIsAMistakeAndAHashMustBe32Bytes() {
        assertThatThrownBy(() -> check(List.of())).isInstanceOf(IllegalArgumentException.class);
        PrivateKey key = keys.get(0);
        assertThatThrownBy(() -> new SignatureClaim(new byte[31], key.sign(new byte[32]), key.publicKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hash");
    }
}
