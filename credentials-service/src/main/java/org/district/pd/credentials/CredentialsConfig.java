package org.district.pd.credentials;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** This service's settings, under {@code pd.credentials}. */
@ConfigMapping(prefix = "pd.credentials")
public interface CredentialsConfig {

    /** Attempts a teacher has per definition, unless the definition says otherwise. */
    @WithDefault("3")
    int maxAttempts();

    /** The review turnaround target in days, unless the definition says otherwise. */
    @WithDefault("14")
    int turnaroundDays();

    Issuer issuer();

    Uploads uploads();

    Imports imports();

    /** How often the expiry sweep looks for credentials past their validUntil. */
    @WithDefault("1m")
    Duration expirySweep();

    /** The district as the issuer of its credentials. */
    interface Issuer {

        /** The public base URL of the API, e.g. https://pd.district.example: ids in credentials are under it. */
        String baseUrl();

        String name();

        Optional<String> email();

        Optional<String> description();

        /**
         * The key-encryption key: 32 bytes in base64, under which the issuer's private keys are stored (AES-256-GCM).
         * Outside dev and test it must come from the environment.
         */
        String keyEncryptionKey();
    }

    interface Imports {

        /**
         * Whether an imported credential's key may be fetched from a loopback or private address. Off in production:
         * an upload must not make the service probe the district's network; tests serve an issuer on localhost.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }

    interface Uploads {

        /** The largest uploaded file, in bytes. */
        @WithDefault("10485760")
        long maxFileBytes();

        /** Files per submission. */
        @WithDefault("20")
        int maxFiles();
    }
}
