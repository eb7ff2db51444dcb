package io.pulpperf.throughput.load;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The dispatcher's HTTP/1.1 client: one blocking connection per client thread, the request written
 * and the whole answer read on that thread. Against pulpcore-api (gunicorn's sync worker answers
 * {@code Connection: close}) every request opens a TCP connection, as with any client; a server that
 * keeps connections alive gets them reused, one per client thread, as a pooling client would.
 *
 * <p>Why not the JDK's {@code HttpClient}: it hands each exchange between the calling thread, its
 * selector thread and its executor, and builds a whole connection pipeline per connection; with a
 * connection per request that cost ~1 ms of CPU per request here, several times the simulator's,
 * and the client became the bottleneck (BENCHMARKS.md). Same requests, same full answers read and
 * parsed; only the plumbing is leaner.
 *
 * <p>Supports what Pulp's API answers with: {@code Content-Length}, {@code chunked} and read-to-close
 * bodies, interim 1xx answers, HEAD/204/304 without a body, https with the target's {@link SSLContext}
 * (SNI and host name verification as the JDK client does them). No proxies, redirects or compression
 * (the dispatcher asks for none). A stale kept-alive connection is retried once on a fresh one only
 * for GET, HEAD and OPTIONS, as the JDK client does; any other failure is the request's error.
 *
 * <p>Plain http runs on a blocking {@link SocketChannel}: a connect, a write and a read or two per
 * request, about half the system calls of a {@code Socket} with timeouts (which polls around
 * every read). Timeouts are kept by one watchdog thread instead, which closes a connection whose
 * connect or exchange has outlived its bound (checked every {@value #WATCHDOG_MILLIS} ms). https
 * uses an {@link SSLSocket} with socket timeouts.
 */
public final class Http1Client implements Closeable {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final List<String> RETRYABLE = List.of("GET", "HEAD", "OPTIONS");
    static final long WATCHDOG_MILLIS = 50;

    private final Duration connectTimeout;
    private final SSLContext tls;
    private final ThreadLocal<Connection> perThread = new ThreadLocal<>();
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[8192]);
    private final ConcurrentLinkedQueue<Connection> open = new ConcurrentLinkedQueue<>();

    /**
     * @param connectTimeout bound on opening a connection
     * @param tls            context for https URLs; null for the JDK's default
     */
    private final java.util.concurrent.ScheduledExecutorService watchdog;

    public Http1Client(Duration connectTimeout, SSLContext tls) {
        this.connectTimeout = connectTimeout;
        this.tls = tls;
        this.watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dispatch-timeouts");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::closeOverdue, WATCHDOG_MILLIS, WATCHDOG_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The watchdog's round: closes every connection past its deadline, which ends its blocked call. */
    private void closeOverdue() {
        long now = System.nanoTime();
        for (Connection c : open) {
            long d = c.deadline;
            if (d != 0 && now - d > 0) {
                c.timedOut = true;
                c.closeQuietly();
            }
        }
    }

    /** An answer: status, headers (names in lower case, first value of each) and the whole body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Sends one request on this thread's connection (opened if needed) and reads the whole answer.
     *
     * @param timeout bound on the whole call, connect included (which is also bounded by the connect timeout)
     * @throws HttpTimeoutException when a bound passed ({@link java.net.http.HttpConnectTimeoutException} for the connect)
     */
    public Response send(String method, URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Connection c = perThread.get();
        boolean reused = c != null && c.matches(url);
        if (c != null && !reused) discard(c);
        if (!reused) c = connect(url, deadline);
        try {
            return exchange(c, method, url, headers, body, deadline);
        } catch (IOException e) {
            discard(c);
            if (!reused || !c.nothingRead || e instanceof java.net.SocketTimeoutException || e instanceof HttpTimeoutException
                    || !RETRYABLE.contains(method)) {
                throw e;
            }
            // The server closed an idle kept-alive connection before reading the request: once more on a fresh one.
            Connection fresh = connect(url, deadline);
            try {
                return exchange(fresh, method, url, headers, body, deadline);
            } catch (IOException again) {
                discard(fresh);
                throw again;
            }
        }
    }

    /** Closes every connection this client opened (end of a run). */
    @Override
    public void close() {
        watchdog.shutdownNow();
        for (Connection c; (c = open.poll()) != null; ) c.closeQuietly();
    }

    /** Opens a connection within the connect timeout and never past {@code deadline} (System.nanoTime()). */
    private Connection connect(URI url, long deadline) throws IOException {
        long bound = Math.min(connectTimeout.toNanos(), deadline - System.nanoTime());
        if (bound <= 0) throw new HttpTimeoutException("no time left to connect");
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        if (!https && !"http".equalsIgnoreCase(url.getScheme())) throw new IOException("unsupported scheme in " + url);
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        InetSocketAddress address = new InetSocketAddress(url.getHost(), port);
        if (address.isUnresolved()) throw new java.net.UnknownHostException(url.getHost());
        Connection c = https ? tlsConnection(url, address, bound) : new ChannelConnection(
                // An IPv4 socket for an IPv4 address: no dual-stack option to set on every connection.
                SocketChannel.open(address.getAddress() instanceof java.net.Inet4Address ? java.net.StandardProtocolFamily.INET
                        : java.net.StandardProtocolFamily.INET6), scheme, url.getHost(), port);
        perThread.set(c);
        open.add(c);
        if (c instanceof ChannelConnection cc) {
            c.deadline = System.nanoTime() + bound;
            try {
                cc.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                cc.channel.connect(address);
            } catch (IOException | RuntimeException e) {
                discard(c);
                if (c.timedOut) throw new java.net.http.HttpConnectTimeoutException("connect timed out after " + bound / 1_000_000 + " ms");
                throw e;
            } finally {
                c.deadline = 0;
            }
        }
        return c;
    }

    private Connection tlsConnection(URI url, InetSocketAddress address, long boundNanos) throws IOException {
        int boundMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, boundNanos / 1_000_000));
        Socket plain = new Socket(java.net.Proxy.NO_PROXY);  // no SOCKS proxy lookup per connection
        try {
            plain.setTcpNoDelay(true);
            try {
                plain.connect(address, boundMillis);
            } catch (java.net.SocketTimeoutException e) {
                throw new java.net.http.HttpConnectTimeoutException("connect timed out after " + boundMillis + " ms");
            }
            SSLContext ctx = tls != null ? tls : SSLContext.getDefault();
            SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, url.getHost(), address.getPort(), true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!Character.isDigit(url.getHost().charAt(0)) && !url.getHost().contains(":")) {
                p.setServerNames(List.of(new SNIHostName(url.getHost())));
            }
            ssl.setSSLParameters(p);
            ssl.setSoTimeout(boundMillis);
            ssl.startHandshake();
            return new SocketConnection(ssl, "https", url.getHost(), address.getPort());
        } catch (java.security.NoSuchAlgorithmException e) {
            plain.close();
            throw new IOException("no default TLS context", e);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private void discard(Connection c) {
        if (perThread.get() == c) perThread.remove();
        open.remove(c);
        c.closeQuietly();
    }

    private Response exchange(Connection c, String method, URI url, Map<String, String> headers, byte[] body, long deadline)
            throws IOException {
        c.nothingRead = true;
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new HttpTimeoutException("request timed out");
        c.startExchange(deadline, Duration.ofNanos(left));
        try {
            return exchangeOn(c, method, url, headers, body, deadline);
        } catch (java.net.SocketTimeoutException e) {
            throw new HttpTimeoutException("request timed out");
        } catch (IOException e) {
            if (c.timedOut) throw new HttpTimeoutException("request timed out");
            throw e;
        } finally {
            c.deadline = 0;
        }
    }

    private Response exchangeOn(Connection c, String method, URI url, Map<String, String> headers, byte[] body, long deadline)
            throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ')
                .append(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
        if (url.getRawQuery() != null) head.append('?').append(url.getRawQuery());
        head.append(" HTTP/1.1\r\nHost: ").append(url.getHost());
        if (url.getPort() >= 0) head.append(':').append(url.getPort());
        head.append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        else if (!RETRYABLE.contains(method)) head.append("Content-Length: 0\r\n");
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null || body.length == 0) {
            c.write(headBytes);
        } else {  // one write, so header and body leave in one segment where they fit
            byte[] all = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            c.write(all);
        }

        Connection in = c;
        int status;
        Map<String, String> h;
        String version;
        do {  // skip interim 1xx answers
            String statusLine = line(in, c);
            checkDeadline(deadline);
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.x status line: " + truncate(statusLine));
            }
            version = statusLine.substring(0, 8);
            status = parseStatus(statusLine);
            h = new HashMap<>();
            for (String l = line(in, c); !l.isEmpty(); l = line(in, c)) {
                int colon = l.indexOf(':');
                if (colon <= 0) throw new IOException("malformed header line: " + truncate(l));
                h.putIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
        } while (status >= 100 && status < 200);

        String connection = h.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = version.equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
        byte[] payload;
        String te = h.get("transfer-encoding");
        String length = h.get("content-length");
        if (method.equals("HEAD") || status == 204 || status == 304) {
            payload = new byte[0];
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            payload = chunked(in, c, deadline);
        } else if (length != null) {
            long n;
            try {
                n = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + truncate(length));
            }
            if (n < 0 || n > Integer.MAX_VALUE - 16) throw new IOException("bad Content-Length: " + n);
            payload = in.readNBytes((int) n);
            if (payload.length < n) throw new EOFException("answer ended after " + payload.length + " of " + n + " body bytes");
        } else {
            payload = in.readAllBytes();
            keepAlive = false;
        }
        checkDeadline(deadline);
        if (!keepAlive) discard(c);
        return new Response(status, h, payload);
    }

    private static int parseStatus(String statusLine) throws IOException {
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP/1.x status line: " + truncate(statusLine));
        }
    }

    private static byte[] chunked(Connection in, Connection c, long deadline) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int chunks = 0; ; chunks++) {
            String sizeLine = line(in, c);
            int semi = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + truncate(sizeLine));
            }
            if (size < 0) throw new IOException("bad chunk size: " + size);
            if (size == 0) {
                while (!line(in, c).isEmpty()) {
                    // trailers, ignored
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) throw new EOFException("answer ended inside a chunk");
            body.write(chunk);
            if (!line(in, c).isEmpty()) throw new IOException("chunk not followed by CRLF");
            checkDeadline(deadline);
        }
    }

    /** One CRLF- (or LF-) terminated line, ISO-8859-1; end of stream before it is an error. */
    private static String line(Connection in, Connection c) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int n = 0; n < MAX_HEADER_BYTES; n++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(c.nothingRead ? "connection closed before any answer" : "answer ended in its header");
            }
            c.nothingRead = false;
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
                return sb.toString();
            }
            sb.append((char) b);
        }
        throw new IOException("header line longer than " + MAX_HEADER_BYTES + " bytes");
    }

    private static void checkDeadline(long deadline) throws HttpTimeoutException {
        if (System.nanoTime() - deadline > 0) throw new HttpTimeoutException("request timed out");
    }

    private static String truncate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /**
     * One open connection and where it goes. Reads through a buffer owned by the client thread and
     * reused across its connections (a connection per request must not cost a fresh buffer each).
     */
    private abstract class Connection {
        final String scheme;
        final String host;
        final int port;
        final byte[] buf;
        int pos;
        int lim;
        boolean nothingRead = true;
        /** System.nanoTime() by which the current connect or exchange must end; 0 when idle. */
        volatile long deadline;
        volatile boolean timedOut;

        Connection(String scheme, String host, int port) {
            this.scheme = scheme;
            this.host = host;
            this.port = port;
            this.buf = buffers.get();
        }

        /** Reads up to len bytes into b; -1 at end of stream. */
        abstract int readRaw(byte[] b, int off, int len) throws IOException;

        abstract void write(byte[] bytes) throws IOException;

        abstract boolean isOpen();

        abstract void closeQuietly();

        /** Arms the exchange's time bound (the watchdog's, or the socket's own for TLS). */
        void startExchange(long deadlineNanos, Duration timeout) throws IOException {
            deadline = deadlineNanos;
        }

        /** The next byte, or -1 at end of stream. */
        int read() throws IOException {
            if (pos == lim && !fill()) return -1;
            return buf[pos++] & 0xff;
        }

        /** Up to n bytes; fewer only at end of stream. */
        byte[] readNBytes(int n) throws IOException {
            byte[] dst = new byte[n];
            int have = Math.min(n, lim - pos);
            System.arraycopy(buf, pos, dst, 0, have);
            pos += have;
            while (have < n) {
                int r = readRaw(dst, have, n - have);
                if (r < 0) return java.util.Arrays.copyOf(dst, have);
                have += r;
            }
            return dst;
        }

        /** Everything up to end of stream. */
        byte[] readAllBytes() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(buf, pos, lim - pos);
            pos = lim;
            byte[] chunk = new byte[8192];
            for (int r; (r = readRaw(chunk, 0, chunk.length)) >= 0; ) all.write(chunk, 0, r);
            return all.toByteArray();
        }

        private boolean fill() throws IOException {
            int r = readRaw(buf, 0, buf.length);
            if (r <= 0) return false;
            pos = 0;
            lim = r;
            return true;
        }

        boolean matches(URI url) {
            boolean https = "https".equalsIgnoreCase(url.getScheme());
            int p = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
            return isOpen() && scheme.equalsIgnoreCase(url.getScheme()) && host.equalsIgnoreCase(url.getHost()) && port == p;
        }
    }

    /** Plain http on a blocking channel; the watchdog keeps its time bounds. */
    private final class ChannelConnection extends Connection {
        final SocketChannel channel;

        ChannelConnection(SocketChannel channel, String scheme, String host, int port) {
            super(scheme, host, port);
            this.channel = channel;
        }

        @Override
        int readRaw(byte[] b, int off, int len) throws IOException {
            return channel.read(ByteBuffer.wrap(b, off, len));  // blocking: at least one byte, or -1
        }

        @Override
        void write(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) channel.write(b);
        }

        @Override
        boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** https on an SSLSocket, bounded by its own read timeout. */
    private final class SocketConnection extends Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        SocketConnection(Socket socket, String scheme, String host, int port) throws IOException {
            super(scheme, host, port);
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        void startExchange(long deadlineNanos, Duration timeout) throws IOException {
            super.startExchange(deadlineNanos, timeout);
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        }

        @Override
        int readRaw(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        boolean isOpen() {
            return !socket.isClosed();
        }

        @Override
        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
