package io.streamhub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dashboard exports")
class DashboardExportTest {

  static JsonObject data() {
    return new JsonObject().put("user_id", "ada").put("timestamp", "2025-11-23T12:00:00Z")
        .put("metrics", new JsonObject().put("total_predictions", 2).put("avg_score", 0.5))
        .put("recent_activity", new JsonArray().add(new JsonObject().put("type", "prediction")
            .put("timestamp", "2025-11-23T11:59:00Z").put("risk", "low")))
        .put("trends", new JsonObject().put("total_predictions", "stable"))
        .put("alerts", new JsonArray().add(new JsonObject().put("type", "warning").put("code", "fraud_flagged")
            .put("message", "1 prediction(s), \"flagged\"")));
  }

  @Test
  @DisplayName("CSV has one quoted-as-needed line per metric, trend, alert and activity item")
  void csv() {
    JsonObject export = DashboardExport.of(data(), "csv");
    assertThat(export.getString("content_type")).isEqualTo("text/csv");
    assertThat(export.getString("body").split("\r\n")).containsExactly("section,key,value",
        "metric,total_predictions,2", "metric,avg_score,0.5", "trend,total_predictions,stable",
        "alert,fraud_flagged,\"warning: 1 prediction(s), \"\"flagged\"\"\"",
        "activity,2025-11-23T11:59:00Z,\"{\"\"type\"\":\"\"prediction\"\",\"\"timestamp\"\":\"\"2025-11-23T11:59:00Z\"\","
            + "\"\"risk\"\":\"\"low\"\"}\"");
  }

  @Test
  @DisplayName("JSON is the dashboard data itself; another format is refused")
  void json() {
    JsonObject export = DashboardExport.of(data(), "json");
    assertThat(export.getString("content_type")).isEqualTo("application/json");
    assertThat(new JsonObject(export.getString("body"))).isEqualTo(data());
    assertThatIllegalArgumentException().isThrownBy(() -> DashboardExport.of(data(), "xml"))
        .withMessageContaining("data.format");
  }
}
