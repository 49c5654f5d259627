package io.zgnode.net.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** A "host:port" address ({@code [v6]:port} for IPv6 literals). */
public record HostPort(String host, int port) {

    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an address needs a host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
    }

    /**
     * Parses {@code host:port} or {@code [v6]:port}.
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static HostPort parse(String text) {
        String s = text == null ? "" : text.trim();
        int colon;
        String host;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("not host:port: '" + text + "'");
            }
            host = s.substring(1, close);
            colon = close + 1;
        } else {
            colon = s.lastIndexOf(':');
            if (colon <= 0 || s.indexOf(':') != colon) {
                throw new IllegalArgumentException("not host:port: '" + text + "'");
            }
            host = s.substring(0, colon);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not host:port (bad port): '" + text + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port of '" + text + "' is not in 1..65535");
        }
        return new HostPort(host, port);
    }

    /** The address of a socket, by IP. */
    public static HostPort of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            InetAddress ip = inet.getAddress();
            return new HostPort(ip == null ? inet.getHostString() : ip.getHostAddress(), inet.getPort());
        }
        return new HostPort(String.valueOf(address), 0);
    }

    /** 0.0.0.0 or :: : "every interface", which a peer reads as "where you see me". */
    public boolean wildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    public HostPort withHost(String newHost) {
        return new HostPort(newHost, port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
