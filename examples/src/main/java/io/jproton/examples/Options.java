package io.jproton.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The examples' command-line options, like the C++ examples' {@code example::options}: short
 * ({@code -a URL}) and long ({@code --address=URL}, {@code --address URL}) forms, {@code -h/--help},
 * and positional arguments for the examples that take them. A bad option prints the usage and
 * exits with status 2.
 */
final class Options {
    private record Opt(char shortName, String longName, String description, String metavar, Consumer<String> setter,
                       String defaultText) {}

    private final String program;
    private final List<Opt> opts = new ArrayList<>();
    private final List<String> positional = new ArrayList<>();

    Options(String program) {
        this.program = program;
        flag('h', "help", "show this help message and exit", () -> {
            System.out.print(usage());
            System.exit(0);
        });
    }

    Options value(char s, String l, String description, String metavar, String defaultText, Consumer<String> setter) {
        opts.add(new Opt(s, l, description, metavar, setter, defaultText));
        return this;
    }

    Options flag(char s, String l, String description, Runnable setter) {
        opts.add(new Opt(s, l, description, null, v -> setter.run(), null));
        return this;
    }

    /**
     * @param args the arguments
     * @return the positional arguments
     */
    List<String> parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                if (a.startsWith("--") && a.length() > 2) {
                    String name = a.substring(2);
                    String value = null;
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        value = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    }
                    Opt o = find(name);
                    if (o.metavar == null) {
                        if (value != null) bad("option --" + name + " takes no value");
                        o.setter.accept(null);
                    } else {
                        if (value == null) {
                            if (++i >= args.length) bad("missing value for --" + name);
                            value = args[i];
                        }
                        o.setter.accept(value);
                    }
                } else if (a.startsWith("-") && a.length() > 1) {
                    Opt o = find(a.charAt(1));
                    if (o.metavar == null) {
                        if (a.length() > 2) bad("option -" + o.shortName + " takes no value");
                        o.setter.accept(null);
                    } else {
                        String value;
                        if (a.length() > 2) {
                            value = a.substring(2);
                        } else {
                            if (++i >= args.length) bad("missing value for -" + o.shortName);
                            value = args[i];
                        }
                        o.setter.accept(value);
                    }
                } else {
                    positional.add(a);
                }
            } catch (BadOption e) {
                fail(e.getMessage());
            } catch (IllegalArgumentException e) {
                fail("bad value in '" + a + "': " + e.getMessage());
            }
        }
        return positional;
    }

    private Opt find(String name) {
        for (Opt o : opts) if (o.longName.equals(name)) return o;
        throw new BadOption("unknown option: --" + name);
    }

    private Opt find(char c) {
        for (Opt o : opts) if (o.shortName == c) return o;
        throw new BadOption("unknown option: -" + c);
    }

    private static void bad(String message) {
        throw new BadOption(message);
    }

    void fail(String message) {
        System.err.print(usage());
        System.err.println();
        System.err.println(message);
        System.exit(2);
    }

    String usage() {
        StringBuilder sb = new StringBuilder("Usage: " + program + " [options]\n\nOptions:\n");
        for (Opt o : opts) {
            String left = " -" + o.shortName + ", --" + o.longName + (o.metavar != null ? "=" + o.metavar : "");
            sb.append(String.format("%-30s %s%s%n", left, o.description,
                    o.defaultText != null && !o.defaultText.isEmpty() ? " (default " + o.defaultText + ")" : ""));
        }
        return sb.toString();
    }

    static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + s + "'");
        }
    }

    static double parseDouble(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s + "'");
        }
    }

    private static final class BadOption extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadOption(String m) {
            super(m);
        }
    }
}
