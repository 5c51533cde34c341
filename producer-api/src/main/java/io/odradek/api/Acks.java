package io.odradek.api;

/** How many replicas must have a record before the broker acknowledges it ({@code acks}). */
public enum Acks {
    /** Fire and forget: the record counts as sent once written to the socket. No offsets come back. */
    NONE((short) 0, "0"),
    /** The leader wrote it. */
    LEADER((short) 1, "1"),
    /** Every in-sync replica has it. Required by idempotence. */
    ALL((short) -1, "all");

    private final short wireValue;
    private final String configValue;

    Acks(short wireValue, String configValue) {
        this.wireValue = wireValue;
        this.configValue = configValue;
    }

    /** The value of the Produce request's {@code acks} field. */
    public short wireValue() {
        return wireValue;
    }

    /** The value as Kafka's {@code acks} key spells it. */
    public String configValue() {
        return configValue;
    }

    /** Parses {@code 0}, {@code 1}, {@code all} or {@code -1}; null if it is none of those. */
    public static Acks parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "0" -> NONE;
            case "1" -> LEADER;
            case "all", "-1" -> ALL;
            default -> null;
        };
    }
}
