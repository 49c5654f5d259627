package io.zgnode.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest HTTP/1.1 client that works for load: a POST written by hand on a kept-alive socket
 * and a response read by its Content-Length, so that the client leaves the cores to the node.
 */
final class RawHttp {

    private RawHttp() {
    }

    static byte[] post(int port, byte[] json) {
        String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    static void send(OutputStream out, int port, byte[] json) throws IOException {
        out.write(post(port, json));
        out.flush();
    }

    /** Reads one response and returns its body. */
    static byte[] readResponse(InputStream in) throws IOException {
        int length = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b == '\n') {
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        return in.readNBytes(length);
    }
}
