package io.zgnode.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.zgnode.api.net.PeerId;
import io.zgnode.api.net.PeerInfo;
import io.zgnode.api.shell.ShellCommand;
import io.zgnode.net.internal.Bans;
import io.zgnode.net.internal.Network;

/** {@code net:peers}, {@code net:ban}, {@code net:unban}, {@code net:status}. */
@Component(service = NetCommands.class)
@ShellCommand(scope = "net", function = {"peers", "ban", "unban", "status"})
public final class NetCommands {

    private static final String NOT_RUNNING = "the peer network is not running (see the log, or configure PID " + NetConfig.PID + ")";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PeerNetworkImpl net;

    public NetCommands() {
    }

    NetCommands(PeerNetworkImpl net) {
        this.net = net;
    }

    private Network network() {
        PeerNetworkImpl n = net;
        if (n == null) {
            return null;
        }
        try {
            return n.network();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    @Descriptor("list the connected peers: id, address, direction, since, messages in and out, penalty, ping")
    public String peers() {
        Network n = network();
        if (n == null) {
            return NOT_RUNNING;
        }
        List<PeerInfo> peers = n.peers();
        if (peers.isEmpty()) {
            return "no peers";
        }
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder(String.format("%-8s  %-22s  %-8s  %-20s  %9s  %9s  %7s  %s%n",
                "id", "address", "dir", "since", "msgs in", "msgs out", "penalty", "ping"));
        for (PeerInfo p : peers) {
            double rtt = n.rttMillis(p.id());
            out.append(String.format("%-8s  %-22s  %-8s  %-20s  %9d  %9d  %7d  %s%n", p.id().shortForm(), p.address(),
                    p.outbound() ? "out" : "in", p.connectedSince().truncatedTo(ChronoUnit.SECONDS) + " (" + age(p.connectedSince(), now) + ")",
                    p.messagesIn(), p.messagesOut(), p.penalty(), rtt < 0 ? "-" : String.format("%.2f ms", rtt)));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("ban a peer for the configured time (banSeconds)")
    public String ban(@Descriptor("the peer's id (0x + 64 hex digits)") String peer) {
        Network n = network();
        if (n == null) {
            return NOT_RUNNING;
        }
        return ban(n, peer, Duration.ofSeconds(n.settings().banSeconds()));
    }

    @Descriptor("ban a peer for some minutes")
    public String ban(@Descriptor("the peer's id (0x + 64 hex digits)") String peer, @Descriptor("minutes") long minutes) {
        Network n = network();
        if (n == null) {
            return NOT_RUNNING;
        }
        if (minutes <= 0) {
            return "error: minutes must be positive";
        }
        return ban(n, peer, Duration.ofMinutes(minutes));
    }

    private static String ban(Network n, String peer, Duration duration) {
        PeerId id;
        try {
            id = PeerId.of(peer.trim());
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
        if (id.equals(n.self())) {
            return "error: that is this node";
        }
        n.ban(id, duration, "banned from the shell");
        return "banned " + id.shortForm() + " for " + duration.toMinutes() + " min";
    }

    @Descriptor("lift the ban of a peer (id) or an address (IP)")
    public String unban(@Descriptor("the peer's id (0x + 64 hex digits) or an IP address") String peerOrAddress) {
        Network n = network();
        if (n == null) {
            return NOT_RUNNING;
        }
        String text = peerOrAddress.trim();
        if (text.startsWith("0x") || text.length() == 64) {
            PeerId id;
            try {
                id = PeerId.of(text);
            } catch (IllegalArgumentException e) {
                return "error: " + e.getMessage();
            }
            return n.unban(id) ? "unbanned " + id.shortForm() : id.shortForm() + " was not banned (penalty cleared)";
        }
        if (!text.matches("[0-9a-fA-F.:]+")) {
            return "error: not a peer id or an IP address: " + text;
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            return n.unban(address) ? "unbanned " + address.getHostAddress() : address.getHostAddress() + " was not banned";
        } catch (UnknownHostException e) {
            return "error: not a peer id or an IP address: " + text;
        }
    }

    @Descriptor("show this node's id, listen address, peers, boot and learned addresses, bans and handlers")
    public String status() {
        Network n = network();
        if (n == null) {
            return NOT_RUNNING;
        }
        StringBuilder out = new StringBuilder();
        List<PeerInfo> peers = n.peers();
        long outbound = peers.stream().filter(PeerInfo::outbound).count();
        line(out, "id", n.self().toString());
        line(out, "listening", n.bound() + (n.announced().equals(n.bound()) ? "" : ", announced as " + n.announced()));
        line(out, "peers", peers.size() + " of " + n.settings().maxPeers() + " (" + outbound + " outbound, "
                + (peers.size() - outbound) + " inbound)");
        line(out, "traffic", n.metrics().wireBytesIn() + " bytes in, " + n.metrics().wireBytesOut() + " bytes out");
        line(out, "handshakes", n.metrics().handshakeFailures() + " failed");
        line(out, "topics", n.topics().isEmpty() ? "none" : String.join(", ", n.topics()));
        line(out, "protocols", n.protocols().isEmpty() ? "none" : String.join(", ", n.protocols()));
        for (String target : n.targets()) {
            line(out, "dials", target);
        }
        Map<PeerId, Bans.Ban> peerBans = n.bans().peers();
        Map<String, Bans.Ban> addressBans = n.bans().addresses();
        if (peerBans.isEmpty() && addressBans.isEmpty()) {
            line(out, "bans", "none");
        }
        Instant now = Instant.now();
        peerBans.forEach((id, ban) -> line(out, "banned", id + " for " + age(now, ban.until()) + ": " + ban.reason()));
        addressBans.forEach((ip, ban) -> line(out, "banned", ip + " for " + age(now, ban.until()) + ": " + ban.reason()));
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-11s %s%n", label, value));
    }

    private static String age(Instant from, Instant to) {
        long s = Math.max(0, Duration.between(from, to).toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
