package io.streamhub.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The {@code export} of a {@code user_action}: the user's dashboard data as JSON (the DashboardData itself) or as
 * CSV (RFC 4180, CRLF line ends) with the header {@code section,key,value} and one line per metric
 * ({@code metric,total_predictions,42}), per trend ({@code trend,avg_score,stable}), per alert
 * ({@code alert,<code>,<type>: <message>}) and per recent activity item ({@code activity,<timestamp>,<item as JSON>}).
 */
final class DashboardExport {

  static final String CSV = "csv";
  static final String JSON = "json";

  private DashboardExport() {
  }

  /** The export body {@code {format, content_type, body}}; throws for a format other than csv or json. */
  static JsonObject of(JsonObject data, String format) {
    if (JSON.equals(format)) {
      return new JsonObject().put("format", JSON).put("content_type", "application/json").put("body", data.encode());
    }
    if (CSV.equals(format)) {
      return new JsonObject().put("format", CSV).put("content_type", "text/csv").put("body", csv(data));
    }
    throw new IllegalArgumentException("data.format must be csv or json, got " + format);
  }

  static String csv(JsonObject data) {
    StringBuilder out = new StringBuilder("section,key,value\r\n");
    JsonObject metrics = data.getJsonObject("metrics");
    metrics.fieldNames().forEach(name -> line(out, "metric", name, String.valueOf(metrics.getValue(name))));
    JsonObject trends = data.getJsonObject("trends");
    trends.fieldNames().forEach(name -> line(out, "trend", name, trends.getString(name)));
    for (Object a : data.getJsonArray("alerts", new JsonArray())) {
      JsonObject alert = (JsonObject) a;
      line(out, "alert", alert.getString("code"), alert.getString("type") + ": " + alert.getString("message"));
    }
    for (Object i : data.getJsonArray("recent_activity", new JsonArray())) {
      JsonObject item = (JsonObject) i;
      line(out, "activity", item.getString("timestamp"), item.encode());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String section, String key, String value) {
    out.append(field(section)).append(',').append(field(key)).append(',').append(field(value)).append("\r\n");
  }

  /** Quotes a field holding a comma, a quote or a line break, doubling its quotes. */
  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
