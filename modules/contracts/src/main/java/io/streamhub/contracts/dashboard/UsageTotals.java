package io.streamhub.contracts.dashboard;

import io.vertx.core.json.JsonObject;

/**
 * A user's counted activity over some period, as the persistence role keeps it (per user, per user and UTC day, per
 * user and minute) and sums it. Predictions are rows of the user's replay streams that carry a {@code score};
 * frames are stored pressure frames of the workouts the user owns.
 *
 * @param predictions predictions counted
 * @param scoreSum sum of their scores
 * @param high predictions in {@link RiskBand#HIGH}
 * @param medium predictions in {@link RiskBand#MEDIUM}
 * @param low predictions in {@link RiskBand#LOW}
 * @param fraud predictions with {@code is_fraud: true}
 * @param frames pressure frames stored
 * @param pressureSum sum of the frames' mean cell pressure ({@code stats.mean})
 * @param peakPressure largest cell of any of the frames ({@code stats.max.value}); 0 without frames
 */
public record UsageTotals(long predictions, double scoreSum, long high, long medium, long low, long fraud,
    long frames, double pressureSum, double peakPressure) {

  public static final UsageTotals NONE = new UsageTotals(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public UsageTotals plus(UsageTotals o) {
    return new UsageTotals(predictions + o.predictions, scoreSum + o.scoreSum, high + o.high, medium + o.medium,
        low + o.low, fraud + o.fraud, frames + o.frames, pressureSum + o.pressureSum,
        Math.max(peakPressure, o.peakPressure));
  }

  /** Mean score of the predictions; 0 without any. */
  public double avgScore() {
    return predictions == 0 ? 0 : scoreSum / predictions;
  }

  /** Mean of the frames' mean pressure; 0 without any. */
  public double avgPressure() {
    return frames == 0 ? 0 : pressureSum / frames;
  }

  /** The stored form: the field names are also the counter fields of the persistence role's documents. */
  public JsonObject toJson() {
    return new JsonObject().put("predictions", predictions).put("score_sum", scoreSum).put("high", high)
        .put("medium", medium).put("low", low).put("fraud", fraud).put("frames", frames)
        .put("pressure_sum", pressureSum).put("peak_pressure", peakPressure);
  }

  /** Reads {@link #toJson()}; a missing field (a document never counting it) is 0. */
  public static UsageTotals fromJson(JsonObject json) {
    if (json == null) {
      return NONE;
    }
    return new UsageTotals(json.getLong("predictions", 0L), number(json, "score_sum"), json.getLong("high", 0L),
        json.getLong("medium", 0L), json.getLong("low", 0L), json.getLong("fraud", 0L), json.getLong("frames", 0L),
        number(json, "pressure_sum"), number(json, "peak_pressure"));
  }

  private static double number(JsonObject json, String field) {
    return json.getValue(field) instanceof Number n ? n.doubleValue() : 0;
  }
}
