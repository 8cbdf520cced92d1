package org.district.pd.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The run's figures, kept in {@code figures.json} in its folder: each step of run.sh adds its own section, and the
 * report step reads them all back.
 */
final class Figures {

    private final Path file;
    private final ObjectNode root;

    private Figures(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    static Figures in(Path folder) {
        Path file = folder.resolve("figures.json");
        try {
            Files.createDirectories(folder);
            ObjectNode root = Files.exists(file) ? (ObjectNode) Http.JSON.readTree(file.toFile())
                    : Http.JSON.createObjectNode();
            return new Figures(file, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode section(String name) {
        return root.has(name) ? (ObjectNode) root.get(name) : root.putObject(name);
    }

    JsonNode get(String section) {
        return root.path(section);
    }

    void save() {
        try {
            Http.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
