package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The main code's packages point one way (issue 20): every reference of one package to another,
 * by import or full name, read from the sources, and no package reaches itself through them.
 */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java/io/pulpperf/throughput");
    private static final Pattern REFERENCE = Pattern.compile("io\\.pulpperf\\.throughput\\.([a-z]+)\\.[A-Z]");

    @Test
    void noPackageReachesItselfThroughTheOthers() {
        Map<String, Set<String>> arrows = arrows();
        assertThat(arrows).as("packages read from %s", MAIN).containsKeys("config", "observe", "resources", "db", "workers", "suite");
        List<String> inCycles = new ArrayList<>();
        arrows.forEach((from, tos) -> tos.forEach(to -> {
            if (reachable(arrows, to).contains(from)) inCycles.add(from + " -> " + to);
        }));
        assertThat(inCycles).as("arrows that close a cycle; all arrows: %s", arrows).isEmpty();
    }

    @Test
    void theObserverInterfaceSitsLowAndTheWiringAtTheTop() {
        Map<String, Set<String>> arrows = arrows();
        assertThat(arrows.get("observe")).doesNotContain("db", "resources", "workers", "config");
        assertThat(arrows.get("config")).doesNotContain("resources");
        assertThat(arrows.values()).noneMatch(tos -> tos.contains("suite"));
    }

    private static Map<String, Set<String>> arrows() {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(f).getName(0).toString();
                Set<String> tos = out.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) if (!m.group(1).equals(from)) tos.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> reachable(Map<String, Set<String>> arrows, String start) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            if (seen.add(p)) todo.addAll(arrows.getOrDefault(p, Set.of()));
        }
        return seen;
    }
}
