package io.pulpperf.throughput.pulp;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Correlation-IDs the suite sends. Pulp (django-guid, {@code VALIDATE_GUID} on by default)
 * replaces any id that is not a UUID with a random one, so the tasks it makes can no longer be
 * found under the id that was meant: every id here is a UUID, in the 32-hex-digit form Pulp
 * echoes and stores as {@code logging_cid}.
 */
public final class CorrelationIds {
    private CorrelationIds() {
    }

    /** A new run's id: the Correlation-ID of every measured request, and its tasks' logging_cid. */
    public static String newRun() {
        return hex(UUID.randomUUID());
    }

    /**
     * The id of a run's own side requests (cleanup, the queue's wake-up, a capacity step): a
     * name-based UUID of run id and purpose, so it is stable and distinct from the run's id. Its
     * version bits say 4, so it passes even a strict "is this a UUID4" check unchanged.
     */
    public static String derived(String runId, String purpose) {
        UUID named = UUID.nameUUIDFromBytes((runId + "/" + purpose).getBytes(StandardCharsets.UTF_8));
        long msb = (named.getMostSignificantBits() & ~0xF000L) | 0x4000L;
        return hex(new UUID(msb, named.getLeastSignificantBits()));
    }

    /**
     * Whether Pulp keeps this id: django-guid's {@code validate_guid} accepts whatever Python's
     * {@code uuid.UUID(value, version=4)} parses (urn:/uuid: prefixes, braces and dashes dropped,
     * then 32 hex digits).
     */
    public static boolean isValid(String id) {
        if (id == null) return false;
        String hex = id.replace("urn:", "").replace("uuid:", "");
        while (hex.startsWith("{")) hex = hex.substring(1);
        while (hex.endsWith("}")) hex = hex.substring(0, hex.length() - 1);
        hex = hex.replace("-", "");
        if (hex.length() != 32) return false;
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
