package io.zgnode.node.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A telnet client's input with its protocol bytes removed: option negotiation (IAC DO/DONT/
 * WILL/WONT option), subnegotiation (IAC SB ... IAC SE), other IAC commands, and the NUL after a
 * carriage return. The console never asks for options, so nothing needs an answer.
 */
final class TelnetInput extends FilterInputStream {

    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int WILL = 251;
    private static final int WONT = 252;
    private static final int DO = 253;
    private static final int DONT = 254;

    TelnetInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int b = in.read();
            if (b != IAC && b != 0) {
                return b;
            }
            if (b == 0) {
                continue;
            }
            int command = in.read();
            if (command == IAC) {
                return IAC; // an escaped 0xff data byte
            }
            if (command == WILL || command == WONT || command == DO || command == DONT) {
                in.read();
            } else if (command == SB) {
                skipSubnegotiation();
            }
            if (command < 0) {
                return -1;
            }
        }
    }

    private void skipSubnegotiation() throws IOException {
        int previous = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (previous == IAC && b == SE) {
                return;
            }
            previous = b;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int b = read();
        if (b < 0) {
            return -1;
        }
        buffer[offset] = (byte) b;
        int count = 1;
        while (count < length && in.available() > 0) {
            b = read();
            if (b < 0) {
                break;
            }
            buffer[offset + count++] = (byte) b;
        }
        return count;
    }
}
