package io.zgnode.node.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
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
 * The Gogo telnet console, off unless configured ({@code io.zgnode.node.console}, port > 0).
 * Gogo's telnet has no authentication, so it listens on the loopback interface only: reach it
 * from another machine through an SSH tunnel.
 */
@Component(configurationPid = RemoteConsole.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = RemoteConsole.Config.class)
public class RemoteConsole {

    static final String PID = "io.zgnode.node.console";
    private static final Logger LOG = Logger.getLogger(RemoteConsole.class.getName());

    @ObjectClassDefinition(name = "zgnode remote console", description = "Gogo over telnet on the loopback interface")
    public @interface Config {
        @AttributeDefinition(description = "telnet port on 127.0.0.1; 0 leaves the console off")
        int port() default 0;
    }

    private final CommandSession session;
    private final boolean started;

    /** Gogo is optional for the node: a headless node has no shell, and then no telnet console. */
    @Activate
    public RemoteConsole(Config config, @Reference(cardinality = ReferenceCardinality.OPTIONAL) CommandProcessor processor) {
        if (processor == null) {
            this.session = null;
            this.started = false;
            if (config.port() > 0) {
                LOG.warning("remote console: no Gogo shell in this node, telnet stays off");
            }
            return;
        }
        this.session = processor.createSession(System.in, System.out, System.err);
        this.started = config.port() > 0 && run("telnetd --ip=127.0.0.1 --port=" + config.port() + " start");
        if (started) {
            LOG.info("remote console on telnet 127.0.0.1:" + config.port() + " (no authentication: loopback only)");
        }
    }

    @Deactivate
    void stop() {
        if (started) {
            run("telnetd stop");
        }
        if (session != null) {
            session.close();
        }
    }

    private boolean run(String command) {
        try {
            session.execute(command);
            return true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "remote console: {0} failed: {1}", new Object[] {command, e.getMessage()});
            return false;
        }
    }
}
