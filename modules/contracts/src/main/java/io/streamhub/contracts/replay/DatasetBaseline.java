package io.streamhub.contracts.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of a dataset: the reference points its live points are plotted against. JSON:
 * {@code {"dataset", "points": [{"x", "y"}, ...]}}, points in file order.
 *
 * @param dataset the dataset's name
 * @param points the points
 */
public record DatasetBaseline(String dataset, List<Point> points) {

  public DatasetBaseline {
    points = List.copyOf(points);
  }

  /** One point of the baseline. */
  public record Point(double x, double y) {

    JsonObject toJson() {
      return new JsonObject().put("x", x).put("y", y);
    }

    static Point fromJson(JsonObject json) {
      return new Point(json.getDouble("x"), json.getDouble("y"));
    }
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray(new ArrayList<>(points.size()));
    points.forEach(p -> array.add(p.toJson()));
    return new JsonObject().put("dataset", dataset).put("points", array);
  }

  public static DatasetBaseline fromJson(JsonObject json) {
    JsonArray array = json.getJsonArray("points");
    List<Point> points = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      points.add(Point.fromJson(array.getJsonObject(i)));
    }
    return new DatasetBaseline(json.getString("dataset"), points);
  }
}
