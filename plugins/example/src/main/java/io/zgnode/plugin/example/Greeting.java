package io.zgnode.plugin.example;

/**
 * The answer of {@code example_hello}.
 *
 * @param message the greeting
 * @param servedBy the plugin bundle and version that answered, to see a live update take effect
 */
public record Greeting(String message, String servedBy) {
}
