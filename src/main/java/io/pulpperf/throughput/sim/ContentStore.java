package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.pulp.PulpTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated rows behind pulp_file's distributions and repositories, per domain. Rows are
 * serialised in the key order the recordings show (a distribution in a task's {@code result} is
 * JSONB, so its keys come out sorted by length, then bytes).
 */
final class ContentStore {
    static final String CONTENT_ORIGIN = "http://127.0.0.1:24816";

    /** A row and the domain it lives in. */
    private record Row(String domain, Map<String, Object> fields) {}

    private final Map<UUID, Row> distributions = new LinkedHashMap<>();
    private final Map<UUID, Row> repositories = new LinkedHashMap<>();
    /** Names and base paths claimed by requests whose create task has not run yet, per domain. */
    private final Map<String, UUID> claimedDistributionNames = new LinkedHashMap<>();
    private final Map<String, UUID> claimedBasePaths = new LinkedHashMap<>();

    /** Field errors for a distribution create, as the serializer's unique validators answer. */
    synchronized Map<String, List<String>> claimDistribution(String domain, String name, String basePath, UUID id) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (basePath == null || basePath.isBlank()) errors.put("base_path", List.of("This field is required."));
        if (name == null || name.isBlank()) errors.put("name", List.of("This field is required."));
        if (!errors.isEmpty()) return errors;
        String bpKey = domain + "|" + basePath;
        String nameKey = domain + "|" + name;
        if (claimedBasePaths.containsKey(bpKey)) errors.put("base_path", List.of("This field must be unique."));
        if (claimedDistributionNames.containsKey(nameKey)) errors.put("name", List.of("This field must be unique."));
        if (errors.isEmpty()) {
            claimedBasePaths.put(bpKey, id);
            claimedDistributionNames.put(nameKey, id);
        }
        return errors;
    }

    /** Frees the name and base path a create claimed, if that create still holds them. */
    synchronized void releaseDistribution(String domain, String name, String basePath, UUID id) {
        claimedBasePaths.remove(domain + "|" + basePath, id);
        claimedDistributionNames.remove(domain + "|" + name, id);
    }

    /** Runs the create of a claimed distribution and returns its serialised row. */
    synchronized Map<String, Object> createDistribution(String domain, String v3Path, String contentPrefix, UUID id,
                                                        String name, String basePath, long nowMicros) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("prn", "prn:file.filedistribution:" + id);
        row.put("name", name);
        row.put("hidden", false);
        row.put("base_url", CONTENT_ORIGIN + contentPrefix + basePath + "/");
        row.put("base_path", basePath);
        row.put("pulp_href", v3Path + "distributions/file/file/" + id + "/");
        row.put("checkpoint", false);
        row.put("repository", null);
        row.put("publication", null);
        row.put("pulp_labels", Map.of());
        row.put("pulp_created", PulpTime.format(nowMicros));
        row.put("content_guard", null);
        row.put("pulp_last_updated", PulpTime.format(nowMicros + 19));
        row.put("no_content_change_since", null);
        distributions.put(id, new Row(domain, row));
        return row;
    }

    synchronized Map<String, Object> distribution(String domain, UUID id) {
        return fieldsIn(distributions.get(id), domain);
    }

    synchronized List<Map<String, Object>> distributions(String domain) {
        return rowsIn(distributions, domain);
    }

    /** Deletes a distribution row and frees its name and base path; false when it was gone. */
    synchronized boolean deleteDistribution(String domain, UUID id) {
        Row row = distributions.get(id);
        if (row == null || !row.domain.equals(domain)) return false;
        distributions.remove(id);
        claimedBasePaths.remove(domain + "|" + row.fields.get("base_path"));
        claimedDistributionNames.remove(domain + "|" + row.fields.get("name"));
        return true;
    }

    /** Creates a repository synchronously (201), or returns null when the name is taken in the domain. */
    synchronized Map<String, Object> createRepository(String domain, String v3Path, String name, long nowMicros) {
        for (Row r : repositories.values()) {
            if (r.domain.equals(domain) && r.fields.get("name").equals(name)) return null;
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
        repositories.put(id, new Row(domain, row));
        return row;
    }

    synchronized Map<String, Object> repository(String domain, UUID id) {
        return fieldsIn(repositories.get(id), domain);
    }

    synchronized List<Map<String, Object>> repositories(String domain) {
        return rowsIn(repositories, domain);
    }

    synchronized boolean deleteRepository(String domain, UUID id) {
        Row row = repositories.get(id);
        if (row == null || !row.domain.equals(domain)) return false;
        repositories.remove(id);
        return true;
    }

    /**
     * The names of every repository and distribution in every domain, distributions whose create
     * task has not run yet included (so a test sees what a run will have left once they run).
     */
    synchronized List<String> names() {
        List<String> names = new ArrayList<>();
        for (Row r : repositories.values()) names.add(String.valueOf(r.fields.get("name")));
        for (String key : claimedDistributionNames.keySet()) names.add(key.substring(key.indexOf('|') + 1));
        return names;
    }

    private static Map<String, Object> fieldsIn(Row row, String domain) {
        return row != null && row.domain.equals(domain) ? row.fields : null;
    }

    private static List<Map<String, Object>> rowsIn(Map<UUID, Row> rows, String domain) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows.values()) if (r.domain.equals(domain)) list.add(r.fields);
        return list;
    }
}
