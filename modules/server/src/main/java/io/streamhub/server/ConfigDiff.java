package io.streamhub.server;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Which dotted keys differ between two configuration trees, and which of them apply while the node runs. */
final class ConfigDiff {

  /** The keys marked "live" in {@code conf/application.yaml}; every other key takes effect after a restart. */
  static final Set<String> LIVE_KEYS = Set.of("ws.max_message_bytes", "ws.max_pending_messages",
      "rooms.reorder_timeout_ms", "rooms.max_pending_publishes", "replay.delay.min_ms", "replay.delay.max_ms",
      "replay.seed", "replay.resume_grace_ms", "replay.max_streams_per_node", "pressure.max_rows", "pressure.max_cols",
      "pressure.contact_threshold", "pressure.max_unpersisted_frames",
      "pressure.idle_timeout_ms", "auth.ws.auth_deadline_ms", "auth.ws.allowed_origins", "auth.expiring_notice_s",
      "auth.rooms.rules",
      "dashboard.push_interval_ms", "dashboard.trend_window_ms", "dashboard.trend_tolerance_percent",
      "dashboard.high_risk_alert_score", "dashboard.pressure_peak_alert", "dashboard.recent_activity_size",
      "dashboard.presence_expiry_ms");

  /** A dataset's own delay ({@code replay.datasets.NAME.delay.*}) is live too. */
  private static final Pattern LIVE_DATASET_DELAY = Pattern.compile("replay\\.datasets\\.[^.]+\\.delay\\.(min|max)_ms");

  /** One changed key; values are as in the JSON tree (lists compare and print whole). */
  record Change(String key, Object before, Object after) {

    boolean live() {
      return LIVE_KEYS.contains(key) || LIVE_DATASET_DELAY.matcher(key).matches();
    }
  }

  private ConfigDiff() {
  }

  static Map<String, Change> changes(JsonObject before, JsonObject after) {
    Map<String, Object> old = flatten(before, "", new LinkedHashMap<>());
    Map<String, Object> now = flatten(after, "", new LinkedHashMap<>());
    Set<String> keys = new LinkedHashSet<>(old.keySet());
    keys.addAll(now.keySet());
    Map<String, Change> out = new LinkedHashMap<>();
    for (String key : keys) {
      if (!Objects.equals(old.get(key), now.get(key))) {
        out.put(key, new Change(key, old.get(key), now.get(key)));
      }
    }
    return out;
  }

  /** {@code base} with the new values of {@code changes} put at their dotted keys. */
  static JsonObject with(JsonObject base, Iterable<Change> changes) {
    JsonObject out = base.copy();
    for (Change change : changes) {
      String[] path = change.key().split("\\.");
      JsonObject section = out;
      for (int i = 0; i < path.length - 1; i++) {
        JsonObject child = section.getJsonObject(path[i]);
        if (child == null) {
          child = new JsonObject();
          section.put(path[i], child);
        }
        section = child;
      }
      if (change.after() == null) {
        section.remove(path[path.length - 1]);
      } else {
        section.put(path[path.length - 1], change.after());
      }
    }
    return out;
  }

  private static Map<String, Object> flatten(JsonObject tree, String prefix, Map<String, Object> out) {
    for (String name : tree.fieldNames()) {
      String key = prefix.isEmpty() ? name : prefix + "." + name;
      Object value = tree.getValue(name);
      if (value instanceof JsonObject child) {
        flatten(child, key, out);
      } else {
        out.put(key, value);
      }
    }
    return out;
  }
}
