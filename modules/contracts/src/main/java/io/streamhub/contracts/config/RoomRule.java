package io.streamhub.contracts.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of {@code auth.rooms.rules}: who may subscribe to or publish into the rooms whose name matches
 * {@code pattern}.
 *
 * @param pattern a glob over room names: {@code *} is any run of characters, {@code ?} one character, and
 *     {@code {sub}} the room-safe form of the connection's {@code sub} ({@code UserRoom.segment}); a pattern with
 *     {@code {sub}} never matches an anonymous connection
 * @param actions the actions the rule grants: {@code subscribe}, {@code publish}
 * @param claims claims the token must carry, name to value (a claim that is a list must contain the value); empty:
 *     none, so the rule grants the actions to anyone, anonymous connections included
 */
public record RoomRule(String pattern, Set<Action> actions, Map<String, String> claims) {

  /** What a client does with a room. */
  public enum Action {
    SUBSCRIBE, PUBLISH;

    /** The config and wire name. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The placeholder for the connection's room-safe sub. */
  public static final String SUB = "{sub}";

  private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9._:*?-]*(\\{sub\\}[A-Za-z0-9._:*?-]*)*");

  public RoomRule {
    actions = Set.copyOf(actions);
    claims = Map.copyOf(claims);
  }

  /**
   * Whether {@code room} matches the pattern for a connection whose room-safe sub is {@code subSegment} (null for an
   * anonymous connection).
   */
  public boolean matches(String room, String subSegment) {
    if (pattern.contains(SUB) && subSegment == null) {
      return false;
    }
    String expanded = subSegment == null ? pattern : pattern.replace(SUB, subSegment);
    return globMatches(expanded, 0, room, 0);
  }

  /**
   * Whether the rule speaks about {@code room} for some connection or other: its pattern with {@code {sub}} read as
   * {@code *}. A room a rule covers is open only to the connections some covering rule grants it to.
   */
  public boolean covers(String room) {
    return globMatches(pattern.replace(SUB, "*"), 0, room, 0);
  }

  private static boolean globMatches(String glob, int g, String text, int t) {
    while (g < glob.length()) {
      char c = glob.charAt(g);
      if (c == '*') {
        for (int k = t; k <= text.length(); k++) {
          if (globMatches(glob, g + 1, text, k)) {
            return true;
          }
        }
        return false;
      }
      if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
        return false;
      }
      g++;
      t++;
    }
    return t == text.length();
  }

  static RoomRule read(ConfigReader r) {
    String pattern = r.string("pattern");
    if (pattern.isEmpty() || !GLOB.matcher(pattern).matches()) {
      throw new ConfigException(r.key("pattern"), "must be a room-name glob (letters, digits, . _ : -, * ? and "
          + "{sub}), got \"" + pattern + "\"");
    }
    List<String> names = r.strings("actions");
    if (names.isEmpty()) {
      throw new ConfigException(r.key("actions"), "must name at least one of subscribe, publish");
    }
    java.util.EnumSet<Action> actions = java.util.EnumSet.noneOf(Action.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Action action = java.util.Arrays.stream(Action.values()).filter(a -> a.wire().equals(name)).findFirst()
          .orElseThrow(() -> new ConfigException(r.key("actions"), "unknown action \"" + name
              + "\"; expected subscribe or publish"));
      actions.add(action);
    }
    Map<String, String> claims = r.has("claims") ? r.stringMap("claims") : Map.of();
    r.rejectUnknown();
    return new RoomRule(pattern, actions, claims);
  }

  io.vertx.core.json.JsonObject toJson() {
    io.vertx.core.json.JsonArray names = new io.vertx.core.json.JsonArray();
    actions.stream().sorted().forEach(a -> names.add(a.wire()));
    return new io.vertx.core.json.JsonObject().put("pattern", pattern).put("actions", names)
        .put("claims", new io.vertx.core.json.JsonObject(new java.util.LinkedHashMap<>(claims)));
  }
}
