package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonObject;

/**
 * Asks for the baseline points of a dataset.
 *
 * @param dataset the dataset's name, 1-64 characters of {@code [A-Za-z0-9_-]}
 */
public record BaselineQuery(String dataset) {

  public BaselineQuery {
    if (dataset == null || !dataset.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("dataset must be 1-64 characters of [A-Za-z0-9_-], got " + dataset);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("dataset", dataset);
  }

  public static BaselineQuery fromJson(JsonObject json) {
    return new BaselineQuery(json.getString("dataset"));
  }
}
