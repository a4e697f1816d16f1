package org.phasegate.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli models built in code. Reading a command's annotations makes picocli generate one dynamic proxy class per
 * annotation type at run time, which the ahead-of-time cache cannot hold, and walk the class by reflection: about a
 * third of a short command's start-up. The root and the short, everyday commands ({@code scenario}, {@code bargain})
 * are therefore built here; {@code CommandModelTest} checks them against their former annotations.
 */
final class Specs {
    /** The key under which picocli keeps {@code mixinStandardHelpOptions}, so the spec reports having them. */
    private static final String STANDARD_HELP = "mixinStandardHelpOptions";

    /** A path as picocli's built-in converter makes it, failure message included, without its reflective call. */
    static final ITypeConverter<Path> PATH = text -> {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("cannot convert '" + text + "' to " + Path.class + " (" + e + ")");
        }
    };

    private Specs() {
    }

    /** A command named {@code name}, run by {@code userObject} (a {@code Callable}, or null for a group of subcommands). */
    static CommandSpec command(Object userObject, String name, String... description) {
        var spec = CommandSpec.wrapWithoutInspection(userObject);
        spec.name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /** Adds {@code -h/--help} and {@code -V/--version} as picocli's {@code mixinStandardHelpOptions = true} does. */
    static CommandSpec withStandardHelp(CommandSpec spec) {
        var mixin = CommandSpec.create();
        mixin.addOption(OptionSpec.builder("-h", "--help").paramLabel("<helpRequested>").type(boolean.class).initialValue(false).usageHelp(true)
                .descriptionKey(STANDARD_HELP + ".help").description("Show this help message and exit.").build());
        mixin.addOption(OptionSpec.builder("-V", "--version").paramLabel("<versionRequested>").type(boolean.class).initialValue(false).versionHelp(true)
                .descriptionKey(STANDARD_HELP + ".version").description("Print version information and exit.").build());
        return spec.addMixin(STANDARD_HELP, mixin);
    }

    /** The value an option or parameter was given, or {@code absent} when it was not. */
    @SuppressWarnings("unchecked")
    static <T> T value(picocli.CommandLine.Model.ArgSpec arg, T absent) {
        Object v = arg.getValue();
        return v == null ? absent : (T) v;
    }
}
