package io.pulpperf.throughput.run;

import io.pulpperf.throughput.pulp.NamedObject;
import java.net.URI;
import java.util.List;

/**
 * Words for what a cleanup could not remove: how many, their names and the requests that remove
 * them. Credentials never appear: the commands read them from the environment.
 */
final class LeftoverReport {
    /** Names and commands shown at most; the listing command finds the rest. */
    private static final int SHOWN = 20;
    private static final String AUTH = "-u \"$PULP_USERNAME:$PULP_PASSWORD\"";

    private LeftoverReport() {
    }

    /**
     * @param v3Root  the API's v3 root (user info is dropped)
     * @param baseUrl what object hrefs are relative to (user info is dropped)
     */
    static String of(RunCleanup.Outcome outcome, String prefix, List<String> listPaths, URI v3Root, URI baseUrl) {
        StringBuilder text = new StringBuilder("cleanup failed (remove objects named " + prefix + "* by hand): ");
        List<NamedObject> left = outcome.left();
        if (left == null) {
            text.append("they could not be listed in ").append(rounds(outcome.rounds()));
        } else {
            text.append(left.size()).append(" left after ").append(rounds(outcome.rounds()));
            if (outcome.busyTasks() > 0) text.append(", and tasks of the run were still waiting or running (they may create more)");
        }
        if (outcome.lastError() != null) text.append(" (last error: ").append(outcome.lastError()).append(')');
        if (left != null && !left.isEmpty()) {
            text.append(": ").append(String.join(", ", left.stream().limit(SHOWN).map(NamedObject::name).toList()))
                    .append(left.size() > SHOWN ? " and " + (left.size() - SHOWN) + " more" : "").append(". Remove them with:");
            for (NamedObject o : left.stream().limit(SHOWN).toList()) {
                text.append("\n  curl -X DELETE ").append(AUTH).append(" '").append(plain(baseUrl).resolve(o.href())).append('\'');
            }
        } else {
            text.append(". Remove them with a DELETE of each pulp_href");
        }
        for (String path : listPaths) {
            String noun = path.startsWith("repositories/file/") ? "repository" : path.startsWith("distributions/file/") ? "distribution" : null;
            if (noun != null) text.append("\n(or with pulp-cli: pulp file ").append(noun).append(" destroy --name NAME)");
        }
        text.append("\nFind what is left with:");
        for (String path : listPaths) {
            text.append("\n  curl ").append(AUTH).append(" '").append(plain(v3Root).resolve(path))
                    .append("?name__startswith=").append(prefix).append("&fields=pulp_href,name'");
        }
        return text.toString();
    }

    private static String rounds(int n) {
        return n + (n == 1 ? " round" : " rounds");
    }

    private static URI plain(URI url) {
        if (url.getUserInfo() == null) return url;
        return URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath()));
    }
}
