package io.zgnode.rpc.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which browser origins may call the server: none by default, "*" for all, or a list. */
final class CorsPolicy {

    private final boolean any;
    private final Set<String> origins;

    CorsPolicy(List<String> configured) {
        this.any = configured.contains("*");
        this.origins = configured.stream().map(CorsPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    boolean enabled() {
        return any || !origins.isEmpty();
    }

    /** The Access-Control-Allow-Origin value for {@code origin}, or null when it is not allowed. */
    String allowOrigin(String origin) {
        if (origin == null) {
            return null;
        }
        if (any) {
            return "*";
        }
        return origins.contains(normalize(origin)) ? origin : null;
    }

    /**
     * Browsers do not apply CORS to WebSocket, so the server must: a page from another origin
     * could otherwise use a node on localhost. Clients that are not browsers send no Origin.
     */
    boolean allowsWebSocket(String origin, String host) {
        if (origin == null || allowOrigin(origin) != null) {
            return true;
        }
        String o = normalize(origin);
        return host != null && (o.equals("http://" + host.toLowerCase(Locale.ROOT))
                || o.equals("https://" + host.toLowerCase(Locale.ROOT)));
    }

    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
