package io.streamhub.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplayBenchResultTest {

  private static final ReplayBenchOptions OPTIONS = ReplayBenchOptions.parse(new String[] {"--streams", "10"});

  private static ReplayLaneStats lane(int started, long rows, long gaps, long duplicates) {
    return new ReplayLaneStats(5, started, rows, 2.0, rows + 7, 1, gaps, gaps * 2, duplicates, 0, 0, 0, null);
  }

  private static ReplayBenchResult result(String joinFailure, ReplayLaneStats... lanes) {
    LatencyHistogram lag = new LatencyHistogram();
    lag.recordMicros(2999);
    return new ReplayBenchResult(OPTIONS, 1.5, joinFailure, List.of(lanes), lag,
        ReplayServerMetrics.unavailable("not read"));
  }

  @Test
  @DisplayName("Lanes are summed into one clean result and one RESULT json line")
  void cleanRun() {
    ReplayBenchResult r = result(null, lane(5, 100, 0, 0), lane(5, 60, 0, 0));
    assertThat(r.clean()).isTrue();
    assertThat(r.rowsPerSecond()).isEqualTo(80.0);
    JsonObject json = r.toJson();
    assertThat(json.getInteger("started")).isEqualTo(10);
    assertThat(json.getLong("rows")).isEqualTo(160);
    assertThat(json.getLong("rejoins")).isEqualTo(2);
    assertThat(json.getJsonObject("lag_ms").getDouble("p50")).isEqualTo(3.0);
    assertThat(json.getBoolean("clean")).isTrue();
    assertThat(r.report()).contains("10 of 10 started", "CLEAN", "contiguous");
  }

  @Test
  @DisplayName("A gap, a duplicate or a stream that never started makes the run not clean")
  void notClean() {
    assertThat(result(null, lane(5, 10, 1, 0), lane(5, 10, 0, 0)).clean()).isFalse();
    assertThat(result(null, lane(5, 10, 0, 0), lane(5, 10, 0, 3)).clean()).isFalse();
    ReplayBenchResult partial = result("join_stream of bench-x-3 refused: capacity: full", lane(5, 0, 0, 0),
        lane(2, 0, 0, 0));
    assertThat(partial.clean()).isFalse();
    assertThat(partial.toJson().getString("error")).contains("capacity");
    assertThat(partial.report()).contains("7 of 10 started", "NOT CLEAN", "capacity: full");
  }
}
