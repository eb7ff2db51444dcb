package io.pulpperf.throughput.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The matrix file's JSON Schema ({@code config/matrix.schema.json}, copied into the jar by the
 * build; the one copy editors and the loader both read). Compiled once per JVM; {@link #check}
 * turns the first violation into the suite's one-sentence message (see {@link SchemaMessage}).
 */
public final class MatrixSchema {
    /** Where the build puts the schema: next to this class. */
    static final String RESOURCE = "matrix.schema.json";

    private final JsonNode root;
    private final Schema schema;

    private MatrixSchema(JsonNode root) {
        this.root = root;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(root);
        schema.initializeValidators(); // compile now (once), not on the first file
    }

    private static final class Holder {
        static final MatrixSchema INSTANCE = new MatrixSchema(read());
    }

    public static MatrixSchema get() {
        return Holder.INSTANCE;
    }

    private static JsonNode read() {
        try (InputStream in = MatrixSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the class path next to " + MatrixSchema.class.getName());
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema document itself (for the loader's tests, and for following {@code $ref}s). */
    public JsonNode root() {
        return root;
    }

    /** Every violation, in the validator's order. */
    List<Error> validate(JsonNode document) {
        return schema.validate(document);
    }

    /**
     * Throws a {@link ConfigException} naming the file, the key and what is expected, for one
     * violation: an unknown key if there is one (a misspelt key usually explains the rest, and the
     * loader always named those first), else the validator's first.
     */
    void check(String where, JsonNode document) {
        validate(document).stream().min(Comparator.comparing(e -> !"additionalProperties".equals(e.getKeyword())))
                .ifPresent(e -> {
                    throw new ConfigException(where + ": " + new SchemaMessage(this).of(e));
                });
    }

    /** A schema node with its {@code $ref} (to {@code #/definitions/...}) followed. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (!ref.isTextual()) return node;
        String pointer = ref.asText();
        if (!pointer.startsWith("#")) throw new IllegalStateException("only local $refs are followed, got " + pointer);
        return resolve(root.at(pointer.substring(1)));
    }

    /** The schema of property {@code name} of an object schema, $ref followed; missing node when undeclared. */
    JsonNode property(JsonNode objectSchema, String name) {
        JsonNode p = resolve(objectSchema).path("properties").path(name);
        if (p.isMissingNode()) p = resolve(objectSchema).path("additionalProperties");
        return p.isObject() ? resolve(p) : MissingNode.getInstance();
    }
}
