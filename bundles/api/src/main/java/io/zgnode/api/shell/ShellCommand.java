package io.zgnode.api.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a DS component as a Gogo command group:
 * {@code @ShellCommand(scope = "node", function = {"status"})} on a component registered as a
 * service makes its public methods of those names the commands {@code node:status}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ShellCommand {

    String PREFIX_ = "osgi.command.";

    /** The command scope, by convention the module name ({@code node}, {@code chain}, ...). */
    String scope();

    /** The command names: public methods of the component with these names. */
    String[] function();
}
