package io.pulpperf.throughput;

import io.pulpperf.throughput.config.SecretHolder;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Takes the secret {@code -D} values out of the test JVM's system properties before any test class
 * is discovered or run, so Surefire, which copies the system properties into every report at the
 * end of each test class, never sees them. The loaders read them from {@link SecretHolder}.
 * Registered in {@code META-INF/services}.
 */
public final class HideSecretsListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        SecretHolder.hideFromSystemProperties();
    }
}
