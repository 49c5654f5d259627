package io.zgnode.plugin.example;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.zgnode.api.shell.ShellCommand;
import io.zgnode.api.store.KeyValueStore;

/** Shell commands {@code example:hello} and {@code example:count}. */
@Component(service = ExampleCommands.class)
@ShellCommand(scope = "example", function = {"hello", "count"})
public class ExampleCommands {

    private final KeyValueStore store;

    @Activate
    public ExampleCommands(@Reference KeyValueStore store) {
        this.store = store;
    }

    public String hello(String... name) {
        return "Hello, " + (name.length == 0 ? "world" : String.join(" ", name)) + "!";
    }

    public long count() {
        return Counter.current(store);
    }
}
