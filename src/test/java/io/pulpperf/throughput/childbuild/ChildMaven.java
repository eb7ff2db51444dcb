package io.pulpperf.throughput.childbuild;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of this project (pom, config, sources) in a temporary folder, built by the {@code mvn} on
 * PATH in its own process, offline against the same local repository: a build as a user starts it.
 */
final class ChildMaven implements AutoCloseable {
    static final String REQUIRE_ENV = "PULP_REQUIRE_CHILD_MAVEN_TESTS";
    private static final List<String> COPIED = List.of("pom.xml", "config", "src");
    /**
     * This build's compiled classes, copied after the sources (so they are the newer files): with
     * {@link #NO_RECOMPILE} the child compiles nothing, which took half its time. What the child is
     * tested for (the files its run writes) does not depend on who compiled the classes.
     */
    private static final List<String> COMPILED = List.of("target/classes", "target/test-classes");
    /** The compiler's timestamp check instead of its "any change recompiles all" (which sees the copy as a change). */
    static final String NO_RECOMPILE = "-Dmaven.compiler.useIncrementalCompilation=false";

    /** What one build left: exit code and console (stdout and stderr together). */
    record Result(int exitCode, String console) {}

    private final Path mvn;
    private final Path root;
    private final Path project;

    private ChildMaven(Path mvn, Path root) {
        this.mvn = mvn;
        this.root = root;
        this.project = root.resolve("project");
    }

    /** The {@code mvn} executable on PATH, if any. */
    static Optional<Path> mvnOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank()).map(d -> Path.of(d, "mvn"))
                .filter(Files::isExecutable).findFirst();
    }

    static boolean required() {
        return "true".equals(System.getenv(REQUIRE_ENV));
    }

    /** Copies the project in the working directory into a new temporary folder. */
    static ChildMaven copyOfThisProject(Path mvn) throws IOException {
        ChildMaven child = new ChildMaven(mvn, Files.createTempDirectory("pulp-child-build"));
        try {
            for (String name : COPIED) copy(Path.of(name), child.project.resolve(name));
            for (String name : COMPILED) if (Files.isDirectory(Path.of(name))) copy(Path.of(name), child.project.resolve(name));
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    Path project() {
        return project;
    }

    /** Runs {@code mvn args...} in the copy; destroys the build and its children when it outlives {@code timeoutMinutes}. */
    Result run(List<String> args, int timeoutMinutes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(mvn.toString());
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) command.add("-Dmaven.repo.local=" + repo);
        command.addAll(args);
        Path console = Files.createTempFile(root, "console", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().remove("MAVEN_ARGS");  // the build is exactly the arguments given here
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the child build did not end within " + timeoutMinutes + " min: " + command.subList(0, 4));
        }
        return new Result(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, Files.createDirectories(target.getParent()).resolve(target.getFileName()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
