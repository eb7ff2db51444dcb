package io.pulpperf.throughput.config;

import java.nio.file.Path;

/**
 * TLS towards the target.
 *
 * @param caBundle         PEM file of CA certificates to trust (in addition to none: only these), or null for the JDK's
 * @param clientKeystore   PKCS#12 file with the client certificate and key for mTLS, or null
 * @param keystorePassword its password (a secret), or null
 * @param insecure         trust every certificate and host name: only when the user says so explicitly
 */
public record TlsSettings(Path caBundle, Path clientKeystore, String keystorePassword, boolean insecure) {
    public static TlsSettings defaults() {
        return new TlsSettings(null, null, null, false);
    }

    public boolean isDefault() {
        return caBundle == null && clientKeystore == null && !insecure;
    }

    @Override
    public String toString() {
        return "TlsSettings[caBundle=" + caBundle + ", clientKeystore=" + clientKeystore + ", keystorePassword="
                + (keystorePassword == null ? "none" : "***") + ", insecure=" + insecure + "]";
    }
}
