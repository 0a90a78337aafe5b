package io.streamhub.replay.data;

import static io.streamhub.replay.data.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.DatasetConfig;
import io.streamhub.contracts.config.DatasetConfig.BaselineConfig;
import io.streamhub.contracts.config.DelayConfig;
import io.streamhub.contracts.config.ReplayConfig;
import io.streamhub.contracts.replay.DatasetBaseline;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Dataset baselines")
class BaselineTest {

  @TempDir
  Path dir;

  private static DatasetConfig withBaseline(String name, String file, BaselineConfig baseline) {
    return new DatasetConfig(name, file, null, "monitor_point", List.of(), null, null, baseline);
  }

  private static DatasetCatalog catalog(Path dir, DatasetConfig... datasets) {
    Map<String, DatasetConfig> byName = new LinkedHashMap<>();
    for (DatasetConfig d : datasets) {
      byName.put(d.name(), d);
    }
    return DatasetCatalog.load(new ReplayConfig(new DelayConfig(0, 0), 0, 0, 16, 100, false, 100,
        datasets[0].name(), byName), dir);
  }

  @Test
  @DisplayName("the bundled machine-monitor baseline has its 400 points of dinsight_x / dinsight_y")
  void bundled() {
    ReplayConfig config = ConfigLoader.withOverrides(new JsonObject()).replay();
    DatasetCatalog catalog = DatasetCatalog.load(config, null);

    DatasetBaseline baseline = catalog.baseline("machine-monitor").orElseThrow().points();
    assertThat(baseline.dataset()).isEqualTo("machine-monitor");
    assertThat(baseline.points()).hasSize(400);
    assertThat(baseline.points().get(0)).isEqualTo(new DatasetBaseline.Point(0.706621, -1.531278));
    assertThat(catalog.baseline("transactions")).isEmpty();
    assertThatThrownBy(() -> catalog.baseline("other")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  @DisplayName("reads the two configured columns, skips rows without numbers, and round-trips the contract's JSON")
  void columns() {
    String rows = csv(dir, "rows.csv", "a\n1\n");
    String base = csv(dir, "base.csv", "id,px,py\n1,0.5,-1\n2,,3\n3,x,1\n4,2e1,4.25\n");
    DatasetCatalog catalog = catalog(dir, withBaseline("m", rows, new BaselineConfig(base, "px", "py")));

    Baseline baseline = catalog.baseline("m").orElseThrow();
    assertThat(baseline.points().points()).containsExactly(new DatasetBaseline.Point(0.5, -1),
        new DatasetBaseline.Point(20, 4.25));
    assertThat(baseline.skippedRows()).isEqualTo(2);
    JsonObject json = baseline.points().toJson();
    assertThat(json).isEqualTo(new JsonObject("{\"dataset\":\"m\",\"points\":[{\"x\":0.5,\"y\":-1.0},"
        + "{\"x\":20.0,\"y\":4.25}]}"));
    assertThat(DatasetBaseline.fromJson(json)).isEqualTo(baseline.points());
  }

  @Test
  @DisplayName("a bad baseline fails alone, naming the file, and leaves its dataset streamable")
  void failureIsolated() {
    String rows = csv(dir, "rows.csv", "a\n1\n");
    String base = csv(dir, "base.csv", "px,py\n1,2\n");
    Path missing = dir.resolve("missing.csv");
    DatasetCatalog catalog = catalog(dir,
        withBaseline("column", rows, new BaselineConfig(base, "px", "nope")),
        withBaseline("file", rows, new BaselineConfig(missing.toString(), "px", "py")));

    assertThat(catalog.get("column").total()).isEqualTo(1);
    assertThatThrownBy(() -> catalog.baseline("column")).isInstanceOf(DatasetException.class)
        .hasMessage("dataset column: baseline column \"nope\" is not a column of " + base);
    assertThatThrownBy(() -> catalog.baseline("file")).isInstanceOf(DatasetException.class)
        .hasMessage("dataset file: cannot read " + missing + ": no such file");
  }
}
