package io.pulpperf.throughput.config;

/**
 * How the suite proves who it is. Never printed: {@link #toString()} masks every secret.
 *
 * @param username basic/session user, or null
 * @param password its password, or null
 */
public record Credentials(String username, String password) {
    public static Credentials none() {
        return new Credentials(null, null);
    }

    public boolean hasPassword() {
        return username != null && password != null;
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
