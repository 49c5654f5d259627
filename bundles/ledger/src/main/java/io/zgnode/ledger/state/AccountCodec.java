package io.zgnode.ledger.state;

import java.math.BigInteger;
import java.util.Arrays;

import io.zgnode.api.chain.Account;
import io.zgnode.api.store.Keys;

/**
 * How an account is stored: the nonce as 8 big-endian bytes, then the balance as its minimal
 * big-endian bytes (up to 32). An empty account (no balance, nonce 0) is not stored at all, as
 * Ethereum prunes empty accounts (EIP-161).
 */
final class AccountCodec {

    private AccountCodec() {
    }

    static byte[] encode(Account account) {
        byte[] balance = account.balance().signum() == 0 ? new byte[0] : unsigned(account.balance());
        byte[] encoded = Arrays.copyOf(Keys.ofLong(account.nonce()), 8 + balance.length);
        System.arraycopy(balance, 0, encoded, 8, balance.length);
        return encoded;
    }

    static Account decode(byte[] encoded) {
        if (encoded == null) {
            return Account.EMPTY;
        }
        long nonce = Keys.toLong(encoded, 0);
        BigInteger balance = encoded.length == 8 ? BigInteger.ZERO : new BigInteger(1, Arrays.copyOfRange(encoded, 8, encoded.length));
        return new Account(balance, nonce);
    }

    static boolean isEmpty(Account account) {
        return account.nonce() == 0 && account.balance().signum() == 0;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
