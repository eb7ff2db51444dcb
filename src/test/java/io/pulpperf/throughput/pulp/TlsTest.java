package io.pulpperf.throughput.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.config.TlsSettings;
import io.pulpperf.throughput.load.Dispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom CA bundle and a client certificate (mTLS) against an HTTPS server on 127.0.0.1 that
 * requires one; certificates are made with the JDK's keytool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private static final String STATUS = "{\"versions\":[{\"component\":\"core\",\"version\":\"3.105.16\"}],\"online_workers\":[],"
            + "\"online_api_apps\":[],\"online_content_apps\":[],\"database_connection\":{\"connected\":true},\"domain_enabled\":false}";

    @TempDir
    static Path dir;
    private HttpsServer server;

    @BeforeAll
    void start() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", "server.p12", "-storepass", "serverpw");
        keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", "serverpw", "-rfc", "-file", "ca.pem");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=perf-suite",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", "client.p12", "-storepass", "clientpw");
        keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-storepass", "clientpw", "-file", "client.crt");
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.crt", "-storetype", "PKCS12",
                "-keystore", "trust.p12", "-storepass", "trustpw");

        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers("server.p12", "serverpw"), trustManagers("trust.p12", "trustpw"), null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ctx.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", exchange -> {
            byte[] body = STATUS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    private Target target(TlsSettings tls) {
        return new Target(URI.create("https://127.0.0.1:" + server.getAddress().getPort()), "/pulp/", null, Credentials.none(), tls);
    }

    @Test
    void caBundleAndClientCertificateReachTheServerFromBothClients() throws Exception {
        TlsSettings tls = new TlsSettings(dir.resolve("ca.pem"), dir.resolve("client.p12"), "clientpw", false);
        PulpClient client = new PulpClient(target(tls), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(client.status().coreVersion()).isEqualTo("3.105.16");
        // the dispatcher's JDK client takes the same context
        var http = Dispatcher.newHttpClient(Duration.ofSeconds(5), TlsContexts.of(tls));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(target(tls).statusUrl()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        // and so do the dispatcher's own connections, which take the context from that client
        try (var dispatch = new io.pulpperf.throughput.load.Http1Client(Duration.ofSeconds(5), http.sslContext())) {
            var answer = dispatch.send("GET", target(tls).statusUrl(), java.util.Map.of(), null, Duration.ofSeconds(5));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("3.105.16");
        }
    }

    @Test
    void withoutTheCaTheServerIsNotTrusted() {
        PulpClient client = new PulpClient(target(TlsSettings.defaults()), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThatThrownBy(client::status).isInstanceOf(PulpApiException.class)
                .hasMessageContaining("certification path").hasMessageContaining("-Dpulp.tls.caBundle");
    }

    @Test
    void withoutAClientCertificateTheServerRefuses() {
        TlsSettings tls = new TlsSettings(dir.resolve("ca.pem"), null, null, false);
        PulpClient client = new PulpClient(target(tls), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThatThrownBy(client::status).isInstanceOf(PulpApiException.class).hasMessageContaining("no answer from GET")
                .hasMessageContaining("-Dpulp.tls.keystore");
    }

    @Test
    void insecureTrustsAnyServerOnlyWhenAskedFor() {
        TlsSettings tls = new TlsSettings(null, dir.resolve("client.p12"), "clientpw", true);
        PulpClient client = new PulpClient(target(tls), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(client.status().databaseConnected()).isTrue();
    }

    @Test
    void aWrongKeystorePasswordIsAClearConfigError() {
        TlsSettings tls = new TlsSettings(null, dir.resolve("client.p12"), "nope", false);
        assertThatThrownBy(() -> TlsContexts.of(tls)).hasMessageContaining("cannot use the TLS settings")
                .hasMessageContaining("-Dpulp.tls.keystorePassword").hasMessageNotContaining("nope");
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed: " + out);
    }

    private static javax.net.ssl.KeyManager[] keyManagers(String file, String pw) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(file, pw), pw.toCharArray());
        return kmf.getKeyManagers();
    }

    private static javax.net.ssl.TrustManager[] trustManagers(String file, String pw) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(file, pw));
        return tmf.getTrustManagers();
    }

    private static KeyStore load(String file, String pw) throws IOException, java.security.GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            ks.load(in, pw.toCharArray());
        }
        return ks;
    }
}
