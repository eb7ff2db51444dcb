package io.pulpperf.throughput.db;

import java.util.regex.Pattern;

/** Checks and redacts JDBC URLs: a URL may carry {@code password=} and must never be printed as given. */
public final class JdbcUrls {
    // pgjdbc reads secrets from these parameters; user:password@ userinfo is redacted too in case a tool adds it.
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("(//[^/@?]*?):[^/@?]*@");

    private JdbcUrls() {}

    /** True for URLs the PostgreSQL driver accepts, such as {@code jdbc:postgresql://host:5432/pulp}. */
    public static boolean isPostgres(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) return false;
        try {
            return org.postgresql.Driver.parseURL(url, null) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The URL with password parameters replaced by {@code ***}; null stays null. */
    public static String redact(String url) {
        if (url == null) return null;
        String noParams = SECRET_PARAM.matcher(url).replaceAll("$1***");
        return USERINFO.matcher(noParams).replaceAll("$1:***@");
    }
}
