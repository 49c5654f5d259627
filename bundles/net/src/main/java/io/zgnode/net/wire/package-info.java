/**
 * The wire protocol of zgnode peer links, version 1: everything another implementation needs to
 * interoperate.
 *
 * <h2>Transport and framing</h2>
 * TCP. Every frame, in both phases, is a 4-byte unsigned big-endian length {@code N} followed by
 * {@code N} bytes. During the handshake a frame is at most {@value Handshake#MAX_HANDSHAKE_FRAME}
 * bytes; afterwards at most the receiver's {@code maxMessageBytes} + {@value Frames#OVERHEAD}.
 * A receiver reads the length first and drops the connection, without reading the body, when it
 * is over the limit.
 *
 * <h2>Handshake</h2>
 * Both sides send a HELLO as soon as the TCP connection is up (no turn taking). The side that
 * dialed is the <i>initiator</i>, the other the <i>responder</i>. HELLO is plaintext:
 * <pre>
 * magic      4   "ZGN1" (0x5a 0x47 0x4e 0x31)
 * version    1   1
 * chainId    8   big-endian, the chain id of the node's chain
 * genesis   32   the hash of the node's block 0
 * ephemeral 32   a fresh X25519 public key (RFC 7748), new for every connection
 * identity  32   the node's Ed25519 public key (RFC 8032): its PeerId
 * listenLen  1   0..255
 * listen     n   UTF-8 "host:port" (IPv6 hosts in brackets) where the node accepts peers; empty if
 *                it does not. A host 0.0.0.0 or :: means "the address you see me at".
 * </pre>
 * A node refuses (closes) a peer whose magic or version differs, whose (chainId, genesis) differ
 * from its own (another network), whose identity is its own (a connection to itself), or whose
 * identity it has banned.
 * <p>Both sides then compute:
 * <pre>
 * th     = SHA-256("zgnode/net/1 transcript" || u16(len(helloI)) || helloI || u16(len(helloR)) || helloR)
 *          helloI, helloR: the exact HELLO bodies (without length prefix) of initiator and responder
 * shared = X25519(own ephemeral private key, peer's ephemeral public key)   (all-zero result: refuse)
 * okm    = HKDF-SHA256(ikm = shared, salt = th, info = "zgnode/net/1 session keys", length 64)
 * kI2R   = okm[0..32)   key of frames the initiator sends
 * kR2I   = okm[32..64)  key of frames the responder sends
 * </pre>
 * From here on every frame is encrypted (below). Each side's first encrypted frame is AUTH:
 * {@code 0x01 || Ed25519.sign(identity key, "zgnode/net/1 auth" || role || th)} with role the
 * single byte {@code 'I'} for the initiator and {@code 'R'} for the responder. The receiver checks
 * the signature against the identity of the peer's HELLO and the peer's role; a missing or bad
 * AUTH ends the connection. The transcript binds both ephemerals, both identities and both
 * network ids, so a man in the middle can neither swap ephemerals nor replay a signature into
 * another session, and a signature cannot be reflected to its signer (the role byte). A side sends
 * other frames only after it has verified the peer's AUTH.
 *
 * <h2>Encrypted frames</h2>
 * ChaCha20-Poly1305 (RFC 8439) with the key of the sending direction. The nonce is 4 zero bytes
 * followed by a 64-bit big-endian counter: 0 for the first frame a side sends in a session (its
 * AUTH), incremented by one per frame. The associated data is the frame's 4-byte length prefix.
 * The length is that of the ciphertext including the 16-byte tag. A receiver keeps its own
 * counter per direction, so a replayed, reordered, dropped or altered frame fails to decrypt and
 * ends the link.
 *
 * <h2>Frame kinds (the plaintext)</h2>
 * <pre>
 * 0x01 AUTH      signature 64
 * 0x02 GOSSIP    topicLen 1 (1..255), topic UTF-8, payload (rest)
 * 0x03 REQUEST   id 8, protocolLen 1 (1..255), protocol UTF-8, payload (rest)
 * 0x04 RESPONSE  id 8, status 1, payload (rest): the answer if status is 0, else a UTF-8 reason
 *                status: 0 ok, 1 unknown protocol, 2 invalid request, 3 handler failed,
 *                4 response too large, 5 busy
 * 0x05 PING      nonce 8
 * 0x06 PONG      nonce 8 (the nonce of the PING)
 * 0x07 GOODBYE   reason 1, text UTF-8 (rest, at most 255 bytes)
 *                reason: 1 shutting down, 2 duplicate link, 3 too many peers, 4 banned,
 *                5 protocol error, 6 timeout
 * </pre>
 * All integers are big-endian. A frame of an unknown kind, a truncated frame or invalid UTF-8 is
 * a protocol error: the receiver ends the link and penalizes the sender.
 * <p>A gossip message's id is {@code Keccak-256(u8(len(topic)) || topic || payload)}; a node
 * handles and relays each id once. Requests ids are chosen by the requester, unique per link.
 *
 * <h2>Links</h2>
 * One link per pair of nodes. When two links between the same nodes are up (both dialed at
 * once), both keep the one dialed by the node with the smaller identity (unsigned byte-wise
 * comparison of the public keys) and close the other with GOODBYE 2; of two links dialed by the
 * same node the newer is kept.
 *
 * <h2>Peer exchange</h2>
 * The built-in request protocol {@value Frames#PEERS_PROTOCOL}: an empty request; the response is
 * {@code count 1} followed by {@code count} entries {@code identity 32, listenLen 1, listen UTF-8}
 * of other peers the responder is connected to.
 */
package io.zgnode.net.wire;
