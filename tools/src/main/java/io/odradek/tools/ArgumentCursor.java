package io.odradek.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a command line of {@code --flag value} and {@code --flag=value} pairs, the two spellings Kafka's
 * tools (argparse4j, jopt-simple) accept.
 */
public final class ArgumentCursor {
    private final String[] args;
    private int next;
    private String flag;
    private String inlineValue;

    public ArgumentCursor(String[] args) {
        this.args = args.clone();
    }

    /** Advances to the next flag; false at the end. A word that is not a flag is a usage error. */
    public boolean nextFlag() throws UsageException {
        if (next >= args.length) {
            return false;
        }
        String word = args[next++];
        if (!word.startsWith("-")) {
            throw new UsageException("unexpected argument '" + word + "'");
        }
        int equals = word.indexOf('=');
        if (word.startsWith("--") && equals > 0) {
            flag = word.substring(0, equals);
            inlineValue = word.substring(equals + 1);
        } else {
            flag = word;
            inlineValue = null;
        }
        return true;
    }

    public String flag() {
        return flag;
    }

    /** The flag's single value. */
    public String value() throws UsageException {
        if (inlineValue != null) {
            String value = inlineValue;
            inlineValue = null;
            return value;
        }
        if (next >= args.length) {
            throw new UsageException("argument " + flag + ": expected one argument");
        }
        return args[next++];
    }

    /** The flag's values up to the next word starting with {@code --}, at least one (argparse4j's nargs "+"). */
    public List<String> values() throws UsageException {
        List<String> values = new ArrayList<>();
        if (inlineValue != null) {
            values.add(inlineValue);
            inlineValue = null;
        }
        while (next < args.length && !args[next].startsWith("--")) {
            values.add(args[next++]);
        }
        if (values.isEmpty()) {
            throw new UsageException("argument " + flag + ": expected at least one argument");
        }
        return values;
    }

    /** The flag's value if one follows (a next word not starting with {@code --}), as jopt-simple's optional arguments. */
    public Optional<String> optionalValue() {
        if (inlineValue != null) {
            String value = inlineValue;
            inlineValue = null;
            return Optional.of(value);
        }
        if (next < args.length && !args[next].startsWith("--")) {
            return Optional.of(args[next++]);
        }
        return Optional.empty();
    }

    /** A flag without value given a value ({@code --print-metrics=yes}) is a usage error. */
    public void noValue() throws UsageException {
        if (inlineValue != null) {
            throw new UsageException("argument " + flag + ": takes no value");
        }
    }

    public int intValue() throws UsageException {
        String value = value();
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("argument " + flag + ": invalid integer value: '" + value + "'");
        }
    }

    public long longValue() throws UsageException {
        String value = value();
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("argument " + flag + ": invalid long value: '" + value + "'");
        }
    }

    public double doubleValue() throws UsageException {
        String value = value();
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("argument " + flag + ": invalid double value: '" + value + "'");
        }
    }
}
