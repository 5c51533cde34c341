package io.odradek.api;

/** A configuration value is invalid, inconsistent with another, or unknown. Thrown at construction. */
public class ConfigException extends OdradekException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
