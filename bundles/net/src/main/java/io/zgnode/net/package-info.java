/**
 * The peer network component ({@code io.zgnode.net}): the {@link io.zgnode.api.net.PeerNetwork}
 * service, its configuration and its shell commands. Private to the bundle; the protocol is
 * documented in {@code io.zgnode.net.wire}.
 */
package io.zgnode.net;
