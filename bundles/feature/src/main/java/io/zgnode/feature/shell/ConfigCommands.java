package io.zgnode.feature.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.TreeMap;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.shell.ShellCommand;
import io.zgnode.feature.options.TypedValues;

/**
 * {@code cm:list}, {@code cm:get}, {@code cm:put}, {@code cm:delete}: ConfigAdmin from the
 * shell. A value put keeps the type of the value it replaces (so {@code cm:put io.zgnode.rpc
 * port 8546} stays an integer); a new key is a string, which DS converts for typed
 * configurations.
 */
@Component(service = ConfigCommands.class)
@ShellCommand(scope = "cm", function = {"list", "get", "put", "delete"})
public class ConfigCommands {

    private static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public ConfigCommands(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Descriptor("list configuration PIDs")
    public String list() throws IOException, InvalidSyntaxException {
        Configuration[] configurations = configurationAdmin.listConfigurations(null);
        if (configurations == null) {
            return "(no configurations)";
        }
        List<String> pids = new ArrayList<>();
        for (Configuration configuration : configurations) {
            pids.add(configuration.getPid());
        }
        Collections.sort(pids);
        return String.join(System.lineSeparator(), pids);
    }

    @Descriptor("show the values of a configuration")
    public String get(@Descriptor("PID, e.g. io.zgnode.rpc") String pid) throws IOException, InvalidSyntaxException {
        Configuration configuration = existing(pid);
        if (configuration == null) {
            return "no configuration " + pid;
        }
        StringBuilder out = new StringBuilder(pid).append(System.lineSeparator());
        TreeMap<String, Object> values = new TreeMap<>();
        Dictionary<String, Object> properties = configuration.getProperties();
        for (String key : Collections.list(properties.keys())) {
            values.put(key, properties.get(key));
        }
        values.forEach((key, value) -> out.append("  ").append(key).append(" = ").append(format(value)).append(System.lineSeparator()));
        return out.toString().stripTrailing();
    }

    @Descriptor("set one value of a configuration; components using it reconfigure at once")
    public String put(@Descriptor("PID") String pid, @Descriptor("key") String key, @Descriptor("value") String value)
            throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(pid, ANY_LOCATION);
        Dictionary<String, Object> current = configuration.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (String existingKey : Collections.list(current.keys())) {
                next.put(existingKey, current.get(existingKey));
            }
        }
        Object typed;
        try {
            typed = TypedValues.like(next.get(key), value);
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
        next.put(key, typed);
        configuration.update(next);
        return pid + ": " + key + " = " + format(typed);
    }

    @Descriptor("delete a configuration, or one key of it")
    public String delete(@Descriptor("PID") String pid, @Descriptor("key (optional)") String... key)
            throws IOException, InvalidSyntaxException {
        Configuration configuration = existing(pid);
        if (configuration == null) {
            return "no configuration " + pid;
        }
        if (key.length == 0) {
            configuration.delete();
            return "deleted " + pid;
        }
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties.remove(key[0]) == null) {
            return "no key " + key[0] + " in " + pid;
        }
        configuration.update(properties);
        return "deleted " + pid + " " + key[0];
    }

    private Configuration existing(String pid) throws IOException, InvalidSyntaxException {
        Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + escape(pid) + ")");
        return found == null ? null : found[0];
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }

    private static String format(Object value) {
        if (value instanceof Object[] array) {
            return java.util.Arrays.toString(array);
        }
        return String.valueOf(value);
    }
}
