package org.caseledger.api.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Stands in for the identity provider of the {@code oidc} mode: signs access tokens with the test key pair whose
 * public half the application is given ({@code classpath:oidc/identity-provider-public.pem}), or, for attacks, with
 * another key or none at all.
 */
public final class IdentityProvider {

    public static final String PUBLIC_KEY_LOCATION = "classpath:oidc/identity-provider-public.pem";
    public static final String AUDIENCE = "case-ledger";
    /** The issuer the application is told to expect ({@code ledger.security.oidc.issuer}), named by every valid token. */
    public static final String ISSUER = "https://login.example-kommun.se/realms/social-services";

    private static final PrivateKey SIGNING_KEY = privateKey("/oidc/identity-provider-private.pem");

    private IdentityProvider() {
    }

    /** The claims a valid token for this member of staff carries; adjust them with {@link #signed(JWTClaimsSet.Builder)}. */
    public static JWTClaimsSet.Builder claims(String staffId, Object role, String unit) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("preferred_username", staffId)
                .claim("ledger_role", role)
                .claim("ledger_unit", unit);
    }

    public static String token(String staffId, Object role, String unit) {
        return signed(claims(staffId, role, unit));
    }

    public static String token(String staffId, Object role, String unit, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(change.apply(claims(staffId, role, unit)));
    }

    public static String signed(JWTClaimsSet.Builder claims) {
        return signedWith(SIGNING_KEY, claims);
    }

    /** Right claims, signed by a key the identity provider never had. */
    public static String forged(JWTClaimsSet.Builder claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return signedWith(generator.generateKeyPair().getPrivate(), claims);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key for the forgery", e);
        }
    }

    /** Right claims and no signature at all ({@code "alg": "none"}). */
    public static String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    private static String signedWith(PrivateKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the test token", e);
        }
    }

    private static PrivateKey privateKey(String resource) {
        try (InputStream in = IdentityProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("unreadable test key " + resource, e);
        }
    }
}
