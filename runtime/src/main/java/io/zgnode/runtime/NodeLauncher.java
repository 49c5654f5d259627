package io.zgnode.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import io.zgnode.feature.catalog.BundleFile;
import io.zgnode.feature.catalog.FeatureCatalog;
import io.zgnode.feature.install.BundleReconciler;
import io.zgnode.feature.options.NodeOptions;

/**
 * Embeds Felix. The framework cache lives in the data directory and is never cleaned, so bundles
 * installed or updated live (plugins, feature:install, update) are still there after a restart.
 * At each start the feature bundles are brought in line with the node's features before the
 * framework starts them.
 */
final class NodeLauncher {

    private static final long STOP_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final Distribution distribution;
    private final DataDirectory data;
    private final NodeOptions options;
    private final boolean console;

    NodeLauncher(Distribution distribution, DataDirectory data, NodeOptions options, boolean console) {
        this.distribution = distribution;
        this.data = data;
        this.options = options;
        this.console = console;
    }

    int run(List<BundleFile> bundles) throws BundleException, InterruptedException {
        NodeLogging.configure(data.resolve("logs"));
        createPluginsFolder();
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, NodeLauncher.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the launcher's classpath"));
        Framework framework = factory.newFramework(frameworkProperties());
        framework.init();
        BundleReconciler.Outcome outcome = new BundleReconciler(framework.getBundleContext()).reconcile(bundles, true);
        for (String failure : outcome.failedToStart()) {
            System.err.println("zgnode: " + failure);
        }
        Path pidFile = data.resolve("node.pid");
        writePid(pidFile);
        Thread stopper = new Thread(() -> {
            stop(framework);
            deleteQuietly(pidFile);
        }, "zgnode-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        framework.start();
        System.out.println("zgnode " + Main.version() + " started in " + millisSinceJvmStart() + " ms: features " + String.join(",", features()) + "; data " + data.path()
                + (console ? "; type 'help' for commands, Ctrl-D stops" : "; SIGTERM stops"));
        FrameworkEvent event = framework.waitForStop(0);
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is stopping the framework: nothing left to do here
        }
        deleteQuietly(pidFile);
        return event.getType() == FrameworkEvent.ERROR ? 1 : 0;
    }

    /** Tools (zgnode devnet --stop) find a running node by the pid file in its data directory. */
    private static void writePid(Path file) {
        try {
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            System.err.println("zgnode: cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is checked against the running process by its readers
        }
    }

    /** FileInstall watches it; it exists from the first start so operators find where to drop plugins. */
    private void createPluginsFolder() {
        try {
            Files.createDirectories(data.resolve("plugins"));
        } catch (IOException e) {
            throw new UserError("cannot create " + data.resolve("plugins") + ": " + e.getMessage());
        }
    }

    /** Since the JVM started (the process's own start time is known to the second only). */
    private static long millisSinceJvmStart() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private List<String> features() {
        return distribution.catalog().closure(options.features()).stream().map(f -> f.name()).toList();
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MILLIS);
        } catch (BundleException | InterruptedException e) {
            System.err.println("zgnode: stopping the framework: " + e.getMessage());
        }
    }

    private Map<String, String> frameworkProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, data.resolve("felix-cache").toString());
        // never "onFirstInit": that wipes live installs on every launch
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, "none");
        // Netty looks for sun.misc.Unsafe
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "sun.misc");
        // the console and plugins start last (start-order 2 in the core feature), once the node is up
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL,
                Integer.toString(FeatureCatalog.highestStartOrder(distribution.catalog().all())));
        properties.put("felix.log.level", "1");
        properties.put("ds.loglevel", "warn");
        properties.put("zgnode.home", distribution.home().toString());
        properties.put("zgnode.data", data.path().toString());
        properties.put("zgnode.version", Main.version());
        properties.put("zgnode.started", Long.toString(System.currentTimeMillis()));
        properties.put("felix.fileinstall.dir", data.resolve("plugins").toString());
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.log.level", "2");
        properties.put("felix.fileinstall.bundles.new.start", "true");
        // only finished jars: a copy in progress under another name is not installed half-written
        properties.put("felix.fileinstall.filter", ".*\\.jar");
        properties.put("gosh.args", console ? "" : "--nointeractive");
        // etc/gosh_profile of the distribution replaces Gogo's default profile
        properties.put("gosh.home", distribution.home().toString());
        return properties;
    }
}
