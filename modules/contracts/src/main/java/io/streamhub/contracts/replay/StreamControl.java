package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A request about a visitor's running stream (body of {@link io.streamhub.contracts.Addresses#REPLAY_STREAM_CONTROL}).
 *
 * @param visitorId the visitor
 * @param action what to do
 * @param speed for {@link Action#SPEED}: the factor on the pace, 0.1–100 (2 emits twice as fast); 1 otherwise
 * @param tabId for {@link Action#LEAVE}: the tab that leaves
 */
public record StreamControl(String visitorId, Action action, double speed, String tabId) {

  public static final double MIN_SPEED = 0.1;
  public static final double MAX_SPEED = 100;

  /** What a control request does. */
  public enum Action {
    PAUSE, RESUME, SPEED, STOP, LEAVE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The action for a client's {@code action} string, or {@code null}; {@code leave} is not a client action. */
    public static Action ofClient(String name) {
      for (Action a : values()) {
        if (a != LEAVE && a.wireName().equals(name)) {
          return a;
        }
      }
      return null;
    }
  }

  public StreamControl {
    VisitorId.require(visitorId);
    if (action == Action.SPEED && !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
      throw new IllegalArgumentException("speed value must be between " + MIN_SPEED + " and " + MAX_SPEED
          + ", got " + speed);
    }
    if (action == Action.LEAVE && tabId == null) {
      throw new IllegalArgumentException("leave needs tab_id");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("visitor_id", visitorId).put("action", action.wireName()).put("speed", speed)
        .put("tab_id", tabId);
  }

  public static StreamControl fromJson(JsonObject json) {
    String name = json.getString("action");
    Action action = "leave".equals(name) ? Action.LEAVE : Action.ofClient(name);
    if (action == null) {
      throw new IllegalArgumentException("unknown action \"" + name + "\"");
    }
    return new StreamControl(json.getString("visitor_id"), action, json.getDouble("speed", 1.0),
        json.getString("tab_id"));
  }
}
