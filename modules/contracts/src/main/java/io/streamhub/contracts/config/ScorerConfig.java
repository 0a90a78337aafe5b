package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model that scores each row of a dataset.
 *
 * <p>{@code logistic}: {@code score = 1 / (1 + e^-(intercept + sum(weight_i * x_i)))}. A weight keyed by a column
 * name multiplies that column's numeric value (an empty or non-numeric value counts as 0); a weight keyed
 * {@code column=value} multiplies 1 when the column equals that value, else 0. A row is flagged
 * {@code is_fraud} when {@code score >= threshold}.
 *
 * @param type the model; {@code logistic} is the one built in
 * @param intercept the model's bias term
 * @param weights feature weights in file order
 * @param threshold the score (0..1) at or above which a row is flagged
 */
public record ScorerConfig(String type, double intercept, Map<String, Double> weights, double threshold) {

  public static final String LOGISTIC = "logistic";

  public ScorerConfig {
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  static ScorerConfig read(ConfigReader r) {
    String type = r.string("type");
    if (!LOGISTIC.equals(type)) {
      throw new ConfigException(r.key("type"), "unknown scorer \"" + type + "\" (known: " + LOGISTIC + ")");
    }
    double intercept = r.doubleIn("intercept", -1e6, 1e6);
    ConfigReader w = r.section("weights");
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String feature : w.names()) {
      weights.put(feature, w.doubleIn(feature, -1e6, 1e6));
    }
    double threshold = r.doubleIn("threshold", 0, 1);
    r.rejectUnknown();
    return new ScorerConfig(type, intercept, weights, threshold);
  }

  JsonObject toJson() {
    JsonObject w = new JsonObject();
    weights.forEach(w::put);
    return new JsonObject().put("type", type).put("intercept", intercept).put("weights", w).put("threshold", threshold);
  }
}
