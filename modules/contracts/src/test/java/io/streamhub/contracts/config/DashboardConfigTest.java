package io.streamhub.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("dashboard.* configuration")
class DashboardConfigTest {

  static StreamhubConfig with(JsonObject dashboard) {
    return ConfigLoader.withOverrides(new JsonObject().put("dashboard", dashboard));
  }

  @Test
  @DisplayName("the bundled defaults are the documented ones and survive toJson")
  void defaults() {
    StreamhubConfig config = ConfigLoader.withOverrides(new JsonObject());
    assertThat(config.dashboard()).isEqualTo(new DashboardConfig(5000, 300_000, 10, 0.8, 900, 10, 30_000, 100_000));
    assertThat(StreamhubConfig.fromJson(config.toJson()).dashboard()).isEqualTo(config.dashboard());
  }

  @Test
  @DisplayName("a trend window that is not whole minutes, an out-of-range value or an unknown key names the key")
  void refusals() {
    assertThatThrownBy(() -> with(new JsonObject().put("trend_window_ms", 90_000)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dashboard.trend_window_ms");
    assertThatThrownBy(() -> with(new JsonObject().put("push_interval_ms", 10)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dashboard.push_interval_ms");
    assertThatThrownBy(() -> with(new JsonObject().put("recent_activity_size", 101)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dashboard.recent_activity_size");
    assertThatThrownBy(() -> with(new JsonObject().put("high_risk_alert_score", 1.5)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dashboard.high_risk_alert_score");
    assertThatThrownBy(() -> with(new JsonObject().put("colour", "blue")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dashboard.colour");
  }
}
