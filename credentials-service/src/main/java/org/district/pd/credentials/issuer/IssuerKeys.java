package org.district.pd.credentials.issuer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.district.pd.credentials.CredentialsConfig;
import org.jboss.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The district's issuer keys: created on first start, their private halves stored encrypted under the key-encryption
 * key from configuration, rotated on a district admin's word. The newest active key signs; every key, retired or not,
 * stays in the JWKS. Decrypted keys are cached by kid: a kid's key never changes.
 */
@ApplicationScoped
public class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);
    private static final String LOCK = "select 1 from pg_advisory_xact_lock(hashtext('issuer-key'))";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Vertx vertx;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();
    private final SecretKeySpec keyEncryptionKey;

    IssuerKeys(CredentialsConfig config, Vertx vertx) {
        this.vertx = vertx;
        byte[] kek;
        try {
            kek = Base64.getDecoder().decode(config.issuer().keyEncryptionKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pd.credentials.issuer.key-encryption-key is not base64", e);
        }
        if (kek.length != 32) {
            throw new IllegalStateException("pd.credentials.issuer.key-encryption-key must be 32 bytes in base64, "
                    + "not " + kek.length);
        }
        this.keyEncryptionKey = new SecretKeySpec(kek, "AES");
    }

    /** Creates the first key at start, so that the JWKS is there before the first award. */
    void onStart(@Observes StartupEvent start) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(this::signing));
        } catch (Throwable e) {
            // Not fatal: the key is made when the first credential is signed, once the database answers.
            LOG.warnf("The issuer key could not be made at start (%s); it will be on first use", e.getMessage());
        }
    }

    /** The key that signs now, made if there is none yet; inside a session. */
    public Uni<RSAKey> signing() {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                "from IssuerKey where retiredAt is null order by createdAt desc", IssuerKey.class)
                .setMaxResults(1).getResultList())
                .flatMap(found -> found.isEmpty() ? Panache.withTransaction(() -> create(false))
                        : Uni.createFrom().item(decrypt(found.get(0))));
    }

    /** A new signing key; the ones before it are retired from signing but stay published. */
    public Uni<RSAKey> rotate() {
        return Panache.withTransaction(() -> create(true));
    }

    /** The public keys, every one ever used, newest first. */
    public Uni<JWKSet> published() {
        return all().map(keys -> new JWKSet(keys.stream().map(key -> (com.nimbusds.jose.jwk.JWK) publicJwk(key))
                .toList()));
    }

    public Uni<List<IssuerKey>> all() {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                "from IssuerKey order by createdAt desc", IssuerKey.class).getResultList());
    }

    /** The public key of a kid, or null. */
    public Uni<RSAKey> publicKey(String kid) {
        return Panache.getSession().flatMap(session -> session.find(IssuerKey.class, kid))
                .map(found -> found == null ? null : publicJwk(found));
    }

    private Uni<RSAKey> create(boolean rotate) {
        return vertx.executeBlocking(Uni.createFrom().item(this::generate))
                .flatMap(generated -> Panache.getSession().flatMap(session -> session.createNativeQuery(LOCK)
                        .getSingleResult()
                        .flatMap(locked -> session.createSelectionQuery(
                                "from IssuerKey where retiredAt is null order by createdAt desc", IssuerKey.class)
                                .getResultList())
                        .flatMap(active -> {
                            if (!rotate && !active.isEmpty()) {
                                // Another instance made the first key meanwhile: use it.
                                return Uni.createFrom().item(decrypt(active.get(0)));
                            }
                            Instant now = Instant.now();
                            active.forEach(key -> key.retiredAt = now);
                            IssuerKey stored = encrypt(generated, now);
                            LOG.infof("Issuer key %s now signs credentials%s", stored.kid,
                                    active.isEmpty() ? "" : "; " + active.size() + " older key(s) stay published");
                            return session.persist(stored).replaceWith(generated);
                        })));
    }

    private RSAKey generate() {
        String kid = "key-" + LocalDate.now(ZoneOffset.UTC) + "-" + HexFormat.of().formatHex(bytes(4));
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private IssuerKey encrypt(RSAKey key, Instant now) {
        try {
            IssuerKey stored = new IssuerKey();
            stored.kid = key.getKeyID();
            stored.algorithm = JWSAlgorithm.RS256.getName();
            stored.publicJwk = key.toPublicJWK().toJSONString();
            stored.nonce = bytes(NONCE_BYTES);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, stored.nonce, stored.kid);
            stored.privateKey = cipher.doFinal(key.toRSAPrivateKey().getEncoded());
            stored.createdAt = now;
            decrypted.put(stored.kid, key);
            return stored;
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("the issuer key cannot be encrypted", e);
        }
    }

    private RSAKey decrypt(IssuerKey stored) {
        return decrypted.computeIfAbsent(stored.kid, kid -> {
            try {
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, stored.nonce, kid);
                byte[] pkcs8 = cipher.doFinal(stored.privateKey);
                RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                RSAPublicKey publicKey = publicJwk(stored).toRSAPublicKey();
                return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(kid).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256).build();
            } catch (GeneralSecurityException | JOSEException e) {
                throw new IllegalStateException("issuer key " + kid + " cannot be decrypted: is "
                        + "pd.credentials.issuer.key-encryption-key the one it was stored under?", e);
            }
        });
    }

    private static RSAKey publicJwk(IssuerKey stored) {
        try {
            return RSAKey.parse(stored.publicJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("issuer key " + stored.kid + " has an unreadable public key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
        // The kid is authenticated with the key: a private key moved under another kid does not decrypt.
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
