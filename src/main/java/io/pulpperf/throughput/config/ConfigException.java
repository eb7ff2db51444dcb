package io.pulpperf.throughput.config;

/** A setting is wrong: the message names where (file and key, or property) and what is expected. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
