package io.muster.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command's positional arguments, read against its usage line: {@code <name>} is required, {@code [name]} may be
 * left out, and a last {@code <name>...} takes the rest (one or more). The runner's commands and the bench share it,
 * so each states its arguments once, in the usage it prints when they are wrong.
 */
public final class Arguments {

    private static final Pattern PART = Pattern.compile("<([^>]+)>(\\.\\.\\.)?|\\[([^]]+)]");

    private final String usage;
    private final List<String> values;

    private Arguments(String usage, List<String> values) {
        this.usage = usage;
        this.values = values;
    }

    /** The arguments, or the usage on standard error and exit status 2 when they do not fit it. */
    public static Arguments of(String[] args, String usage) {
        try {
            return parse(args, usage);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    /** The arguments; refuses with the message {@code usage: <usage>} when too few or too many are given. */
    static Arguments parse(String[] args, String usage) {
        int required = 0;
        int optional = 0;
        boolean rest = false;
        Matcher part = PART.matcher(usage);
        while (part.find()) {
            if (part.group(1) != null) {
                required++;
                rest = part.group(2) != null;
            } else {
                optional++;
            }
        }
        if (args.length < required || (!rest && args.length > required + optional)) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return new Arguments(usage, List.of(args));
    }

    /** Argument {@code index} (0-based) as text. */
    public String text(int index) {
        return values.get(index);
    }

    public Path path(int index) {
        return Path.of(values.get(index));
    }

    /** Argument {@code index} as a whole number, or {@code fallback} when it was left out. */
    public int number(int index, int fallback) {
        if (index >= values.size()) {
            return fallback;
        }
        try {
            return Integer.parseInt(values.get(index));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("usage: " + usage + " (not a whole number: " + values.get(index) + ")");
        }
    }

    /** Whether argument {@code index} was given. */
    public boolean has(int index) {
        return index < values.size();
    }

    /** The arguments from {@code index} on (for a last {@code <name>...}). */
    public List<String> from(int index) {
        return new ArrayList<>(values.subList(index, values.size()));
    }
}
