package io.pulpperf.throughput.pulp;

import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the SSLContext for a target's TLS settings: CA bundle, client certificate, or (only if asked) trust-all. */
public final class TlsContexts {
    private TlsContexts() {}

    /** The context to use, or null for the JDK's defaults. */
    public static SSLContext of(TlsSettings tls) {
        if (tls.isDefault()) return null;
        try {
            TrustManager[] trust = tls.insecure() ? new TrustManager[] {new TrustAll()}
                    : tls.caBundle() != null ? trustManagers(tls) : null;
            javax.net.ssl.KeyManager[] keys = null;
            if (tls.clientKeystore() != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                char[] pw = tls.keystorePassword() == null ? new char[0] : tls.keystorePassword().toCharArray();
                try (InputStream in = Files.newInputStream(tls.clientKeystore())) {
                    ks.load(in, pw);
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                keys = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("cannot use the TLS settings (" + tls + "): " + e.getMessage()
                    + "; -Dpulp.tls.caBundle takes a PEM file, -Dpulp.tls.keystore a PKCS#12 file with its password in "
                    + "-Dpulp.tls.keystorePassword or PULP_TLS_KEYSTORE_PASSWORD");
        }
    }

    private static TrustManager[] trustManagers(TlsSettings tls) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(tls.caBundle())) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) throw new GeneralSecurityException("no certificate in " + tls.caBundle());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    /** Trusts every certificate: used only with -Dpulp.tls.insecure=true. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // trusts all, on the user's explicit request
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // trusts all, on the user's explicit request
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
