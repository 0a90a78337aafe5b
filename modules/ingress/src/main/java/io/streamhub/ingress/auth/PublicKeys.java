package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.AuthConfig.Algorithm;
import io.streamhub.contracts.config.ConfigException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the contents of a PEM or JWKS key file into verification keys for vertx-auth-jwt. Every key is parsed and
 * checked here (an RSA key of at least 2048 bits for RS256, a P-256 key for ES256; never a private key) and handed
 * to Vert.x as a normalised PEM public key, so a wrong file fails at start with a message naming the config key,
 * instead of every token failing later.
 */
final class PublicKeys {

  static final int MIN_RSA_BITS = 2048;

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
  private static final Base64.Decoder URL = Base64.getUrlDecoder();

  private PublicKeys() {
  }

  /** The first PEM block of {@code text}: a {@code PUBLIC KEY} or a {@code CERTIFICATE}. */
  static PubSecKeyOptions fromPem(Algorithm algorithm, String key, String path, String text) {
    Matcher m = PEM.matcher(text);
    if (!m.find()) {
      throw new ConfigException(key, path + " holds no PEM block (-----BEGIN PUBLIC KEY----- ...)");
    }
    String kind = m.group(1);
    if (kind.contains("PRIVATE")) {
      throw new ConfigException(key, path + " holds a private key; give only the public key, e.g. "
          + "openssl pkey -in private.pem -pubout");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, path + " is not valid PEM: " + e.getMessage());
    }
    PublicKey publicKey;
    try {
      publicKey = switch (kind) {
        case "PUBLIC KEY" -> factory(algorithm).generatePublic(new X509EncodedKeySpec(der));
        case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
        default -> throw new ConfigException(key, path + " holds a " + kind + "; expected a PUBLIC KEY or a "
            + "CERTIFICATE (convert with openssl pkey -pubin -in " + path + ")");
      };
    } catch (GeneralSecurityException e) {
      throw new ConfigException(key, path + " holds no " + algorithm + " public key: " + e.getMessage());
    }
    return options(algorithm, checked(algorithm, publicKey, key, path), null);
  }

  /**
   * The keys of a JWKS document usable with {@code algorithm}: {@code kty} RSA (RS256) or EC with {@code crv} P-256
   * (ES256), {@code use} absent or {@code sig}, {@code alg} absent or equal. Only public members are read. Fails
   * when none is usable, or when two share a {@code kid}.
   */
  static List<PubSecKeyOptions> fromJwks(Algorithm algorithm, String key, String path, String text) {
    JsonArray keys;
    try {
      keys = new JsonObject(text).getJsonArray("keys");
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException(key, path + " is not a JWKS document ({\"keys\": [...]})");
    }
    if (keys == null) {
      throw new ConfigException(key, path + " has no \"keys\" list");
    }
    List<PubSecKeyOptions> out = new ArrayList<>();
    Set<String> kids = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!(keys.getValue(i) instanceof JsonObject jwk) || !usable(algorithm, jwk)) {
        continue;
      }
      String where = path + " keys[" + i + "]";
      String kid = jwk.getValue("kid") instanceof String s ? s : null;
      if (kid != null && !kids.add(kid)) {
        throw new ConfigException(key, where + ": kid \"" + kid + "\" is used twice");
      }
      PublicKey publicKey;
      try {
        publicKey = factory(algorithm).generatePublic(spec(algorithm, jwk));
      } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
        throw new ConfigException(key, where + " is not a valid " + algorithm + " public key: " + e.getMessage());
      }
      out.add(options(algorithm, checked(algorithm, publicKey, key, where), kid));
    }
    if (out.isEmpty()) {
      throw new ConfigException(key, path + " has no " + algorithm + " signing key (kty " + kty(algorithm)
          + (algorithm == Algorithm.ES256 ? " with crv P-256" : "") + ", use sig or absent, alg " + algorithm
          + " or absent)");
    }
    return out;
  }

  private static boolean usable(Algorithm algorithm, JsonObject jwk) {
    Object use = jwk.getValue("use");
    Object alg = jwk.getValue("alg");
    return kty(algorithm).equals(jwk.getValue("kty")) && (use == null || "sig".equals(use))
        && (alg == null || algorithm.name().equals(alg))
        && (algorithm != Algorithm.ES256 || "P-256".equals(jwk.getValue("crv")));
  }

  private static KeySpec spec(Algorithm algorithm, JsonObject jwk) throws GeneralSecurityException {
    if (algorithm == Algorithm.RS256) {
      return new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e"));
    }
    return new ECPublicKeySpec(new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), p256());
  }

  private static BigInteger unsigned(JsonObject jwk, String member) {
    String value = jwk.getString(member);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("missing \"" + member + "\"");
    }
    return new BigInteger(1, URL.decode(value));
  }

  private static PublicKey checked(Algorithm algorithm, PublicKey publicKey, String key, String where) {
    if (algorithm == Algorithm.RS256) {
      if (!(publicKey instanceof RSAPublicKey rsa)) {
        throw new ConfigException(key, where + " holds a " + publicKey.getAlgorithm() + " key; RS256 needs RSA");
      }
      int bits = rsa.getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw new ConfigException(key, where + " holds a " + bits + "-bit RSA key; at least " + MIN_RSA_BITS
            + " bits are needed");
      }
      return publicKey;
    }
    try {
      if (!(publicKey instanceof ECPublicKey ec) || !ec.getParams().getOrder().equals(p256().getOrder())
          || !ec.getParams().getCurve().equals(p256().getCurve())) {
        throw new ConfigException(key, where + " holds no P-256 key; ES256 needs an EC key on curve P-256");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks the P-256 curve", e);
    }
    return publicKey;
  }

  private static PubSecKeyOptions options(Algorithm algorithm, PublicKey publicKey, String kid) {
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    return new PubSecKeyOptions().setAlgorithm(algorithm.name()).setBuffer(pem).setId(kid);
  }

  private static String kty(Algorithm algorithm) {
    return algorithm == Algorithm.RS256 ? "RSA" : "EC";
  }

  private static KeyFactory factory(Algorithm algorithm) throws GeneralSecurityException {
    return KeyFactory.getInstance(kty(algorithm));
  }

  private static ECParameterSpec p256() throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }
}
