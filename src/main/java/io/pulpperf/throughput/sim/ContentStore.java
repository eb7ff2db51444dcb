package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.pulp.PulpTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The simulated rows behind pulp_file's distributions and repositories, for one Pulp. */
final class ContentStore {
    private final Map<UUID, Map<String, Object>> distributions = new LinkedHashMap<>();
    private final Map<UUID, Map<String, Object>> repositories = new LinkedHashMap<>();
    /** Names and base paths claimed by requests whose create task has not run yet. */
    private final Map<String, UUID> pendingDistributionNames = new LinkedHashMap<>();
    private final Map<String, UUID> pendingBasePaths = new LinkedHashMap<>();
    private final String contentOrigin;

    ContentStore(String contentOrigin) {
        this.contentOrigin = contentOrigin;
    }

    /** Field errors for a distribution create, as the serializer's unique validators answer. */
    synchronized Map<String, List<String>> claimDistribution(String domain, String name, String basePath, UUID id) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (basePath == null || basePath.isBlank()) errors.put("base_path", List.of("This field is required."));
        if (name == null || name.isBlank()) errors.put("name", List.of("This field is required."));
        if (!errors.isEmpty()) return errors;
        String bpKey = domain + "|" + basePath;
        String nameKey = domain + "|" + name;
        if (pendingBasePaths.containsKey(bpKey)) errors.put("base_path", List.of("This field must be unique."));
        if (pendingDistributionNames.containsKey(nameKey)) errors.put("name", List.of("This field must be unique."));
        if (errors.isEmpty()) {
            pendingBasePaths.put(bpKey, id);
            pendingDistributionNames.put(nameKey, id);
        }
        return errors;
    }

    /** Runs the create of a claimed distribution and returns its serialised row. */
    synchronized Map<String, Object> createDistribution(String v3Path, UUID id, String name, String basePath, long nowMicros) {
        Map<String, Object> row = new LinkedHashMap<>();
        String href = v3Path + "distributions/file/file/" + id + "/";
        row.put("prn", "prn:file.filedistribution:" + id);
        row.put("name", name);
        row.put("hidden", false);
        row.put("base_url", contentOrigin + "/pulp/content/" + basePath + "/");
        row.put("base_path", basePath);
        row.put("pulp_href", href);
        row.put("checkpoint", false);
        row.put("repository", null);
        row.put("publication", null);
        row.put("pulp_labels", Map.of());
        row.put("pulp_created", PulpTime.format(nowMicros));
        row.put("content_guard", null);
        row.put("pulp_last_updated", PulpTime.format(nowMicros + 19));
        row.put("no_content_change_since", null);
        distributions.put(id, row);
        return row;
    }

    synchronized Map<String, Object> distribution(UUID id) {
        return distributions.get(id);
    }

    synchronized List<Map<String, Object>> distributions() {
        return new ArrayList<>(distributions.values());
    }

    /** Deletes a distribution row and frees its name and base path; false when it was gone. */
    synchronized boolean deleteDistribution(String domain, UUID id) {
        Map<String, Object> row = distributions.remove(id);
        if (row == null) return false;
        pendingBasePaths.remove(domain + "|" + row.get("base_path"));
        pendingDistributionNames.remove(domain + "|" + row.get("name"));
        return true;
    }

    /** Creates a repository synchronously (201), or returns null when the name is taken. */
    synchronized Map<String, Object> createRepository(String v3Path, String name, long nowMicros) {
        for (Map<String, Object> r : repositories.values()) {
            if (r.get("name").equals(name)) return null;
        }
        UUID id = Uuid7.at(nowMicros / 1000);
        String href = v3Path + "repositories/file/file/" + id + "/";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pulp_href", href);
        row.put("prn", "prn:file.filerepository:" + id);
        row.put("pulp_created", PulpTime.format(nowMicros));
        row.put("pulp_last_updated", PulpTime.format(nowMicros + 6194));
        row.put("versions_href", href + "versions/");
        row.put("pulp_labels", Map.of());
        row.put("latest_version_href", href + "versions/0/");
        row.put("name", name);
        row.put("description", null);
        row.put("retain_repo_versions", null);
        row.put("remote", null);
        row.put("autopublish", false);
        row.put("manifest", "PULP_MANIFEST");
        repositories.put(id, row);
        return row;
    }

    synchronized Map<String, Object> repository(UUID id) {
        return repositories.get(id);
    }

    synchronized List<Map<String, Object>> repositories() {
        return new ArrayList<>(repositories.values());
    }

    synchronized boolean deleteRepository(UUID id) {
        return repositories.remove(id) != null;
    }
}
