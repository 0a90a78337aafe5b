package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream events one replay node has for one ingress instance at one moment, in emit order (body of
 * {@link io.streamhub.contracts.Addresses#replayDeliver(String)}). Rows that fall due on the same timer tick travel
 * together: one event-bus message per ingress instance and tick, not one per row.
 *
 * @param items the events, oldest first
 */
public record StreamDeliveries(List<StreamDelivery> items) {

  public StreamDeliveries {
    items = List.copyOf(items);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    items.forEach(item -> array.add(item.toJson()));
    return new JsonObject().put("items", array);
  }

  public static StreamDeliveries fromJson(JsonObject json) {
    JsonArray array = json.getJsonArray("items");
    List<StreamDelivery> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(StreamDelivery.fromJson(array.getJsonObject(i)));
    }
    return new StreamDeliveries(items);
  }
}
