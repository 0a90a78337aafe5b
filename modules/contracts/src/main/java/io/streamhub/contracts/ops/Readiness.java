package io.streamhub.contracts.ops;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reply to {@link io.streamhub.contracts.Addresses#OPS_READINESS}.
 *
 * @param checks one entry per checked part ({@code verticles}, {@code store}, {@code cluster}), value "ok" or
 *     the reason it failed
 */
public record Readiness(Map<String, String> checks) {

  public static final String OK = "ok";

  public Readiness {
    checks = Map.copyOf(checks);
  }

  public boolean ready() {
    return checks.values().stream().allMatch(OK::equals);
  }

  public JsonObject toJson() {
    JsonObject parts = new JsonObject();
    new java.util.TreeMap<>(checks).forEach(parts::put);
    return new JsonObject().put("status", ready() ? "ready" : "not_ready").put("checks", parts);
  }

  public static Readiness fromJson(JsonObject json) {
    Map<String, String> checks = new LinkedHashMap<>();
    json.getJsonObject("checks", new JsonObject()).forEach(e -> checks.put(e.getKey(), String.valueOf(e.getValue())));
    return new Readiness(checks);
  }
}
