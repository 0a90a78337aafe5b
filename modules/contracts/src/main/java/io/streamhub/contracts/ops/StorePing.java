package io.streamhub.contracts.ops;

import io.vertx.core.json.JsonObject;

/**
 * Reply to {@link io.streamhub.contracts.Addresses#PERSISTENCE_STORE_PING}.
 *
 * @param database the database name the persistence verticle writes to
 * @param embedded true when the store is the in-process MongoDB-wire server
 * @param roundTripMs time the store took to answer a {@code ping} command, milliseconds
 */
public record StorePing(String database, boolean embedded, long roundTripMs) {

  public JsonObject toJson() {
    return new JsonObject().put("database", database).put("embedded", embedded).put("round_trip_ms", roundTripMs);
  }

  public static StorePing fromJson(JsonObject json) {
    return new StorePing(json.getString("database"), json.getBoolean("embedded", false), json.getLong("round_trip_ms", 0L));
  }
}
