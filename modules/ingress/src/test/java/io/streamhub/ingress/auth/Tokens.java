package io.streamhub.ingress.auth;

import io.streamhub.contracts.config.AuthConfig;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keys and hand-made tokens: base64url(header).base64url(payload).signature, signed with the JDK directly. */
final class Tokens {

  static final String SECRET = "0123456789abcdef0123456789abcdef";

  private Tokens() {
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String kind, Key key) {
    return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(key.getEncoded()) + "\n-----END " + kind + "-----\n";
  }

  static JsonObject jwk(KeyPair pair, String kid) {
    JsonObject jwk = new JsonObject().put("kid", kid).put("use", "sig");
    if (pair.getPublic() instanceof RSAPublicKey rsa) {
      return jwk.put("kty", "RSA").put("n", b64(unsigned(rsa.getModulus(), 0)))
          .put("e", b64(unsigned(rsa.getPublicExponent(), 0)));
    }
    ECPublicKey ec = (ECPublicKey) pair.getPublic();
    return jwk.put("kty", "EC").put("crv", "P-256").put("x", b64(unsigned(ec.getW().getAffineX(), 32)))
        .put("y", b64(unsigned(ec.getW().getAffineY(), 32)));
  }

  private static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length >= length) {
      return bytes;
    }
    byte[] padded = new byte[length];
    System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
    return padded;
  }

  /** Claims of a token for {@code sub} expiring {@code expInS} seconds from now. */
  static JsonObject claims(String sub, long expInS) {
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject().put("sub", sub).put("iat", now).put("exp", now + expInS);
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String b64(JsonObject json) {
    return b64(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  static String unsigned(String alg, JsonObject claims) {
    return b64(new JsonObject().put("alg", alg).put("typ", "JWT")) + "." + b64(claims) + ".";
  }

  static String hs256(byte[] secret, JsonObject claims) {
    return hs256(secret, new JsonObject().put("alg", "HS256").put("typ", "JWT"), claims);
  }

  static String hs256(byte[] secret, JsonObject header, JsonObject claims) {
    String input = b64(header) + "." + b64(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256(JsonObject claims) {
    return hs256(SECRET.getBytes(StandardCharsets.UTF_8), claims);
  }

  /** Signed with {@link #SECRET} under a header of the caller's choosing. */
  static String hs256(JsonObject header, JsonObject claims) {
    return hs256(SECRET.getBytes(StandardCharsets.UTF_8), header, claims);
  }

  /** RS256 or ES256 (raw r||s, as JWS wants) with {@code key}; {@code kid} may be null. */
  static String signed(String alg, PrivateKey key, String kid, JsonObject claims) {
    JsonObject header = new JsonObject().put("alg", alg).put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    String input = b64(header) + "." + b64(claims);
    try {
      Signature signature = Signature.getInstance(alg.equals("RS256") ? "SHA256withRSA"
          : "SHA256withECDSAinP1363Format");
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The defaults with dev login off and these {@code auth.jwt} settings. */
  static AuthConfig config(JsonObject jwt) {
    return ConfigLoader.withOverrides(new JsonObject().put("auth", new JsonObject().put("jwt", jwt)
        .put("dev_login", new JsonObject().put("enabled", false)))).auth();
  }

  static TokenVerifier verifier(Vertx vertx, AuthConfig config) {
    return WsClient.await(TokenVerifier.create(vertx, config));
  }

  static AuthenticatedUser accepted(TokenVerifier verifier, String token) {
    return WsClient.await(verifier.verify(token));
  }

  /** The failure of a future that must fail. */
  static Throwable failure(Future<?> future) {
    return WsClient.await(future.map(ok -> (Throwable) null).otherwise(e -> e));
  }

  /** The refusal of a token that must be refused; its message never contains the token. */
  static AuthFailure refused(TokenVerifier verifier, String token) {
    Throwable failure = failure(verifier.verify(token));
    if (!(failure instanceof AuthFailure refusal)) {
      throw new AssertionError("expected an AuthFailure, got " + failure);
    }
    if (token != null && token.length() > 8 && refusal.getMessage().contains(token)) {
      throw new AssertionError("the refusal echoes the token: " + refusal.getMessage());
    }
    return refusal;
  }
}
