package io.pulpperf.throughput.childbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds sentinel values in every file under some folders, and names file and property, never the value. */
final class SentinelScan {
    private SentinelScan() {}

    /**
     * One line per file and sentinel found, e.g. {@code target/surefire-reports/TEST-x.xml holds pulp.password}.
     *
     * @param sentinels property name to its sentinel value
     */
    static List<String> leaks(Path base, List<String> folders, Map<String, String> sentinels) throws IOException {
        List<String> leaks = new ArrayList<>();
        for (String folder : folders) {
            Path root = base.resolve(folder);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    // ISO-8859-1 maps every byte to a char: binary files are searched too.
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    sentinels.forEach((property, value) -> {
                        if (text.contains(value)) leaks.add(base.relativize(f) + " holds " + property);
                    });
                }
            }
        }
        return leaks;
    }

    /** The text with each sentinel replaced by its property's name, so a failure message cannot carry one. */
    static String masked(String text, Map<String, String> sentinels) {
        String out = text;
        for (var e : sentinels.entrySet()) out = out.replace(e.getValue(), "<" + e.getKey() + ">");
        return out;
    }
}
