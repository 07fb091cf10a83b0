package io.queryadvisor.advisor.config;

/** A configuration value is wrong; the message names the property, the value and its source. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
