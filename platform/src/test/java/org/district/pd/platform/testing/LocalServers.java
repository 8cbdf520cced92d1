package org.district.pd.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real servers started by deploy/local/start.sh listen; the same environment variables as the services. */
public final class LocalServers {

    private LocalServers() {
    }

    public static String keycloakUrl() {
        return setting("PD_KEYCLOAK_URL", "http://localhost:8180");
    }

    public static String kafkaBootstrap() {
        return setting("PD_KAFKA_BOOTSTRAP", "localhost:9092");
    }

    /** The repository root, found by walking up from the module being tested. */
    public static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("deploy/kafka"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("cannot find deploy/kafka above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }
}
