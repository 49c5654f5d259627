package io.zgnode.node.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Gogo console over telnet, off unless configured ({@code io.zgnode.node.console}, port > 0).
 * Telnet has no authentication, so it listens on the loopback interface only: reach it from
 * another machine through an SSH tunnel.
 * <p>
 * Each connection is a line-oriented Gogo session: any telnet client or {@code nc} works, without
 * line editing. (JLine's telnet server, which Gogo's shell would need for line editing, lost
 * command output over raw connections in our tests; a plain session is the dependable choice.)
 * Leaving ({@code exit} or closing the connection) does not stop the node. Everything started here
 * stops in {@link #stop()}.
 */
@Component(configurationPid = RemoteConsole.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RemoteConsole.Config.class)
public class RemoteConsole {

    static final String PID = "io.zgnode.node.console";
    private static final Logger LOG = Logger.getLogger(RemoteConsole.class.getName());

    @ObjectClassDefinition(name = "zgnode remote console", description = "The Gogo console over telnet on the loopback interface")
    public @interface Config {
        @AttributeDefinition(description = "telnet port on 127.0.0.1; 0 leaves the console off")
        int port() default 0;

        @AttributeDefinition(description = "sessions at once; more connections are refused")
        int maxSessions() default 4;
    }

    private final ServerSocket server;
    private final Set<ConsoleSession> sessions = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    /** Gogo is optional for the node: a headless node has no shell, and then no remote console. */
    @Activate
    public RemoteConsole(Config config, @Reference(cardinality = ReferenceCardinality.OPTIONAL) CommandProcessor processor)
            throws IOException {
        if (config.port() <= 0 || processor == null) {
            if (config.port() > 0) {
                LOG.warning("remote console: this node has no Gogo shell, the console stays off");
            }
            this.server = null;
            this.acceptor = null;
            return;
        }
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()));
        this.acceptor = new Thread(() -> accept(processor, config.maxSessions()), "zgnode-console-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("remote console on telnet 127.0.0.1:" + config.port() + " (no authentication: loopback only)");
    }

    private void accept(CommandProcessor processor, int maxSessions) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (sessions.size() >= maxSessions) {
                    socket.getOutputStream().write(("too many console sessions (" + maxSessions + ")\r\n").getBytes());
                    socket.close();
                    continue;
                }
                ConsoleSession session = new ConsoleSession(socket, processor, sessions::remove);
                sessions.add(session);
                session.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "remote console: {0}", e.getMessage());
            }
        }
    }

    @Deactivate
    void stop() throws IOException, InterruptedException {
        if (server == null) {
            return;
        }
        server.close();
        acceptor.join(5_000);
        for (ConsoleSession session : sessions) {
            session.close();
        }
    }
}
