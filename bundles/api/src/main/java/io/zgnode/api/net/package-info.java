/**
 * The peer-to-peer network: authenticated, encrypted links between nodes; gossip of messages by
 * topic; requests and responses by protocol. Modules take part by registering
 * {@link io.zgnode.api.net.MessageHandler} and {@link io.zgnode.api.net.RequestHandler} services
 * (whiteboard) and by calling {@link io.zgnode.api.net.PeerNetwork}.
 */
@Version("1.0.0")
@Export
package io.zgnode.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
