package io.streamhub.replay.data;

import static io.streamhub.replay.data.Fixtures.csv;
import static io.streamhub.replay.data.Fixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.DatasetConfig;
import io.streamhub.contracts.config.DelayConfig;
import io.streamhub.contracts.config.ReplayConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The dataset catalog")
class DatasetCatalogTest {

  @TempDir
  Path dir;

  private static ReplayConfig replay(DatasetConfig... datasets) {
    Map<String, DatasetConfig> byName = new LinkedHashMap<>();
    for (DatasetConfig d : datasets) {
      byName.put(d.name(), d);
    }
    return new ReplayConfig(new DelayConfig(0, 0), 0, 0, 16, 100, false, 100, datasets[0].name(), byName);
  }

  @Test
  @DisplayName("keeps the other datasets usable when one fails to load, and reports the failure")
  void failureIsolated() {
    String good = csv(dir, "good.csv", "a\n1\n2\n");
    Path missing = dir.resolve("missing.csv");
    DatasetCatalog catalog = DatasetCatalog.load(replay(plain("bad", missing.toString()), plain("good", good)), dir);

    assertThat(catalog.names()).containsExactly("bad", "good");
    assertThat(catalog.knows("bad")).isTrue();
    assertThat(catalog.knows("good")).isTrue();
    assertThat(catalog.knows("other")).isFalse();
    assertThat(catalog.get("good").total()).isEqualTo(2);
    assertThatThrownBy(() -> catalog.get("bad")).isInstanceOf(DatasetException.class)
        .hasMessage("dataset bad: cannot read " + missing + ": no such file")
        .extracting(e -> ((DatasetException) e).file()).isEqualTo(missing.toString());
    assertThat(catalog.failures()).containsOnlyKeys("bad");
    assertThat(catalog.failures().get("bad")).contains(missing.toString());
    assertThatThrownBy(() -> catalog.get("other")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  @DisplayName("loads the bundled datasets of the default configuration")
  void bundledDefaults() {
    ReplayConfig config = ConfigLoader.withOverrides(new JsonObject()).replay();
    DatasetCatalog catalog = DatasetCatalog.load(config, dir);
    assertThat(catalog.failures()).isEmpty();

    Dataset tx = catalog.get("transactions");
    assertThat(tx.total()).isEqualTo(1200);
    assertThat(tx.scored()).isTrue();
    assertThat(tx.columns()).contains("TransactionID", "DeviceType");
    int withIdentity = 0;
    int flagged = 0;
    for (int seq = 1; seq <= tx.total(); seq++) {
      DatasetRow row = tx.row(seq);
      withIdentity += row.row().getValue("DeviceType") != null || row.row().getValue("id_01") != null ? 1 : 0;
      flagged += row.isFraud() ? 1 : 0;
    }
    assertThat(withIdentity).isBetween(200, 400);
    assertThat(flagged).isPositive().isLessThan(tx.total() / 2);

    Dataset monitor = catalog.get("machine-monitor");
    assertThat(monitor.scored()).isFalse();
    assertThat(monitor.row(1).row().getValue("dinsight_x")).isInstanceOf(Number.class);
    assertThat(monitor.row(1).row().getValue("dinsight_y")).isInstanceOf(Number.class);
  }
}
