package io.zgnode.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One line per event (time, level, logger, message), to stderr and to a rotating file in the
 * data directory. Bundles log through java.util.logging.
 */
final class NodeLogging {

    private static final String FORMAT = "%1$tF %1$tT.%1$tL %4$-7s %3$s: %5$s%6$s%n";
    private static final int FILE_BYTES = 10 * 1024 * 1024;
    private static final int FILE_COUNT = 5;

    /**
     * JLine warns on every start without a terminal (daemons, pipes): expected, not a problem.
     * Held here because the LogManager keeps loggers only weakly, and with them their level.
     */
    private static final Logger JLINE = Logger.getLogger("org.jline");

    private NodeLogging() {
    }

    static void configure(Path directory) {
        System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        Handler console = new ConsoleHandler();
        console.setLevel(Level.WARNING);
        console.setFormatter(new SimpleFormatter());
        root.addHandler(console);
        JLINE.setLevel(Level.SEVERE);
        try {
            Files.createDirectories(directory);
            Handler file = new FileHandler(directory.resolve("zgnode.%g.log").toString(), FILE_BYTES, FILE_COUNT, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            root.addHandler(file);
        } catch (IOException e) {
            System.err.println("zgnode: cannot write logs to " + directory + ": " + e.getMessage());
        }
    }
}
