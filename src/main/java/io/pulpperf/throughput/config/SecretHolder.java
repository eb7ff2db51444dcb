package io.pulpperf.throughput.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the secret {@code -D} values ({@link SecretProperties}) in memory instead of in the system
 * properties, and is where the loaders read {@code -D} properties from.
 *
 * <p>Why: Surefire copies {@code System.getProperties()} into the {@code <properties>} of every
 * {@code TEST-*.xml} it writes, failed tests' included, and CI keeps those files. The test JVM
 * calls {@link #hideFromSystemProperties()} before any test class runs (a JUnit Platform session
 * listener); code that runs without it still finds its secrets in the system properties.
 */
public final class SecretHolder {
    private static final Map<String, String> HELD = new ConcurrentHashMap<>();

    private SecretHolder() {}

    /** Moves every secret system property into this holder; calling it again moves any set since. */
    public static synchronized void hideFromSystemProperties() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (!SecretProperties.isSecret(name)) continue;
            String value = System.getProperty(name);
            if (value != null) HELD.put(name, value);
            System.clearProperty(name);
        }
    }

    /** This JVM's system properties with the held secrets: what the {@code fromSystem} loaders read. */
    public static Map<String, String> systemProperties() {
        Map<String, String> props = new LinkedHashMap<>(HELD);
        // A property set after the secrets were hidden is the newer word.
        System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
        return props;
    }
}
