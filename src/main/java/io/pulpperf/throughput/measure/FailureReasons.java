package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failed and canceled tasks grouped by reason (issue 27). pulpcore stores {@code str(exc)} as
 * {@code error.description} ({@code pulpcore/exceptions/base.py exception_to_dict}), so a message that
 * names a key, an id or a path differs per task; masking those makes one cause one group:
 * <ul>
 *   <li>UUIDs (with or without dashes) and hex runs of 8+ characters with a digit: {@code <id>};</li>
 *   <li>the values of a PostgreSQL DETAIL key, {@code Key (a, b)=(x, y)}: {@code =(…)};</li>
 *   <li>quoted values that are not plain identifiers (an identifier, such as a constraint name, names
 *       the cause and is kept): {@code '…'};</li>
 *   <li>numbers: {@code <n>}; whitespace runs (the DETAIL line break) become one space.</li>
 * </ul>
 * The exception class comes first where the description names it ({@code IntegrityError: ...}), or
 * where the message is one whose class is fixed: PostgreSQL's unique violation, which Django raises
 * as {@code IntegrityError}, and Django's {@code "%s matching query does not exist."} of
 * {@code DoesNotExist}. Groups are bounded ({@link #MAX_GROUPS}); the rest count under one line.
 */
public final class FailureReasons {
    static final int MAX_GROUPS = 100;
    static final String OTHER = "(other reasons, beyond " + MAX_GROUPS + " groups)";
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");
    // A URL's query may carry a token or a signature (presigned storage URLs): kept out like Redact.url does.
    private static final Pattern URL_QUERY = Pattern.compile("(://[^\\s?#'\"]+)[?#][^\\s'\"]*");
    private static final Pattern NAMED_CLASS = Pattern.compile("^((?:[a-z_][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9_]*(?:Error|Exception|Exit|DoesNotExist|Shutdown|Warning|Timeout)):\\s*");
    private static final Pattern UUID = Pattern.compile("(?i)\\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\\b");
    private static final Pattern HEX = Pattern.compile("(?i)(?<![0-9a-z])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}(?![0-9a-z])");
    private static final Pattern KEY_VALUES = Pattern.compile("=\\([^)]*\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|'([^']*)'");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_<])\\d+(?:\\.\\d+)?");

    private final Map<String, Group> groups = new LinkedHashMap<>();

    private static final class Group {
        int count;
        long firstCreated;
        String firstTask;
        String example;
    }

    /** The reasons of the failed and canceled tasks among {@code tasks}, most frequent first. */
    public static List<FailureReason> of(Collection<PulpTask> tasks) {
        FailureReasons out = new FailureReasons();
        tasks.forEach(out::accept);
        return out.result();
    }

    /** Adds one task; tasks in other states are ignored. */
    public void accept(PulpTask t) {
        boolean failed = t.state().equals("failed");
        if (!failed && !t.state().equals("canceled")) return;
        String reason = failed ? reason(t.errorDescription()) : "canceled" + (t.errorDescription() == null ? "" : ": " + reason(t.errorDescription()));
        if (!groups.containsKey(reason) && groups.size() >= MAX_GROUPS) reason = OTHER;
        Group g = groups.computeIfAbsent(reason, k -> new Group());
        g.count++;
        if (g.firstTask == null || t.createdMicros() < g.firstCreated) {
            g.firstCreated = t.createdMicros();
            g.firstTask = t.href();
            g.example = t.errorDescription() == null ? (failed ? "(no error description)" : "(canceled, no error)") : withoutSecrets(t.errorDescription());
        }
    }

    /** Most frequent first; on a tie, the reason seen first. */
    public List<FailureReason> result() {
        List<FailureReason> out = new ArrayList<>();
        groups.forEach((reason, g) -> out.add(new FailureReason(reason, g.count, g.firstTask, g.example)));
        out.sort(Comparator.comparingInt(FailureReason::count).reversed());
        return List.copyOf(out);
    }

    /** The masked reason of one error description, the exception class first where known. */
    public static String reason(String description) {
        if (description == null || description.isBlank()) return "(no error description)";
        String text = withoutSecrets(description).strip();
        String cls = null;
        Matcher named = NAMED_CLASS.matcher(text);
        if (named.find()) {
            cls = named.group(1);
            text = text.substring(named.end());
        } else if (text.startsWith("duplicate key value violates unique constraint")) {
            cls = "IntegrityError";
        } else if (text.endsWith(" matching query does not exist.")) {
            cls = "DoesNotExist";
        }
        String masked = UUID.matcher(text).replaceAll("<id>");
        masked = HEX.matcher(masked).replaceAll("<id>");
        masked = KEY_VALUES.matcher(masked).replaceAll("=(…)");
        masked = QUOTED.matcher(masked).replaceAll(m -> {
            String inner = m.group(1) != null ? m.group(1) : m.group(2);
            String q = m.group(1) != null ? "\"" : "'";
            return Matcher.quoteReplacement(IDENTIFIER.matcher(inner.replace("<id>", "id")).matches() ? q + inner + q : q + "…" + q);
        });
        masked = NUMBER.matcher(masked).replaceAll("<n>");
        masked = masked.replaceAll("\\s+", " ").strip();
        return cls == null ? masked : cls + ": " + masked;
    }

    /** A reason cut to {@code max} characters for a table cell, with "..." where cut. */
    public static String shortened(String reason, int max) {
        return reason.length() <= max ? reason : reason.substring(0, Math.max(0, max - 3)).stripTrailing() + "...";
    }

    /** URLs lose their user info and query (as report.Redact.url does), so no credential or token reaches a report. */
    private static String withoutSecrets(String text) {
        return URL_QUERY.matcher(USER_INFO.matcher(text).replaceAll("")).replaceAll("$1?…");
    }
}
