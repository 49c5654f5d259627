package io.zgnode.node.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * One remote console connection: reads a line, runs it in a Gogo session whose output goes back
 * to the connection, prints the result and a prompt. Telnet option negotiation from the client is
 * skipped (see {@link TelnetInput}).
 */
final class ConsoleSession {

    private static final String PROMPT = "zgnode> ";

    private final Socket socket;
    private final CommandProcessor processor;
    private final Consumer<ConsoleSession> onEnd;
    private final Thread thread;

    ConsoleSession(Socket socket, CommandProcessor processor, Consumer<ConsoleSession> onEnd) {
        this.socket = socket;
        this.processor = processor;
        this.onEnd = onEnd;
        this.thread = new Thread(this::run, "zgnode-console-" + socket.getPort());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try (socket;
                PrintStream out = new PrintStream(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                InputStream in = new TelnetInput(socket.getInputStream());
                CommandSession session = processor.createSession(InputStream.nullInputStream(), out, out)) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            out.print("zgnode remote console; 'help' lists commands, 'exit' leaves\r\n" + PROMPT);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                line = line.strip();
                if (line.equals("exit") || line.equals("quit")) {
                    break;
                }
                if (!line.isEmpty()) {
                    execute(session, line, out);
                }
                out.print(PROMPT);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            onEnd.accept(this);
        }
    }

    private static void execute(CommandSession session, String line, PrintStream out) {
        try {
            Object result = session.execute(line);
            if (result != null) {
                out.print(String.valueOf(session.format(result, Converter.INSPECT)).replace("\n", "\r\n") + "\r\n");
            }
        } catch (Exception e) {
            out.print("error: " + e.getMessage() + "\r\n");
        }
    }

    void close() throws IOException, InterruptedException {
        socket.close();
        thread.join(5_000);
    }
}
