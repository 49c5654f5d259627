/**
 * The running network: links and their handshake, gossip with deduplication, requests, dialing
 * with backoff, peer exchange, penalties and bans, counters. Private to the bundle.
 */
package io.zgnode.net.internal;
