package io.streamhub.contracts.rooms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The per-user room {@code user.<segment>} every authenticated connection joins. A token's {@code sub} may hold
 * characters a room name may not ({@code auth0|123}, e-mail addresses), so the segment is a deterministic mapping:
 * a sub of 1–{@value #PLAIN_MAX} characters out of {@code [A-Za-z0-9_-]} is used as it is ({@code alice} →
 * {@code user.alice}); any other sub becomes {@code sha256:} and the first 32 hex digits of the SHA-256 of its UTF-8
 * bytes ({@code auth0|123} → {@code user.sha256:…}). The two forms cannot collide: a plain segment never holds
 * {@code :}.
 */
public final class UserRoom {

  /** The prefix of every per-user room. */
  public static final String PREFIX = "user.";
  /** Longest sub used as it is. */
  public static final int PLAIN_MAX = 64;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1," + PLAIN_MAX + "}");
  private static final int HASH_HEX_DIGITS = 32;

  private UserRoom() {
  }

  /** The room of the user with this {@code sub}. */
  public static String of(String sub) {
    return PREFIX + segment(sub);
  }

  /**
   * The room-safe form of {@code sub}: the part after {@value #PREFIX}; also what {@code {sub}} in a room rule
   * means.
   */
  public static String segment(String sub) {
    if (sub == null || sub.isEmpty()) {
      throw new IllegalArgumentException("sub must be a non-empty string");
    }
    if (PLAIN.matcher(sub).matches()) {
      return sub;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sub.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256", e);
    }
  }
}
