package io.pulpperf.throughput.sim;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated domains, each with its own primary key. Lock names embed it
 * ({@code pdrn:<uuid>:distributions}, {@code prn:core.domain:<uuid>}), so tasks of two domains
 * never contend. The recorded default domain's key is a version-4 UUID (it is made by a
 * migration, not by {@code pulp_uuid()}), so these are too.
 */
final class Domains {
    static final String DEFAULT = "default";

    private final Map<String, UUID> uuids = new ConcurrentHashMap<>();

    /** The primary key of a domain, made on first use: any domain name is accepted. */
    String uuid(String domain) {
        return uuids.computeIfAbsent(domain, d -> UUID.randomUUID()).toString();
    }

    /** {@code prn:core.domain:<uuid>}: every task holds it shared (pulpcore 3.23+ {@code dispatch()}). */
    String prn(String domain) {
        return "prn:core.domain:" + uuid(domain);
    }

    /** A per-domain resource name, e.g. {@code pdrn:<uuid>:distributions}. */
    String pdrn(String domain, String resource) {
        return "pdrn:" + uuid(domain) + ":" + resource;
    }
}
