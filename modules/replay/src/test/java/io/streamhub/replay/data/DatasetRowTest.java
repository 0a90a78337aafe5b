package io.streamhub.replay.data;

import static io.streamhub.replay.data.Fixtures.csv;
import static io.streamhub.replay.data.Fixtures.plain;
import static io.streamhub.replay.data.Fixtures.scored;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.ScorerConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A dataset row")
class DatasetRowTest {

  @TempDir
  Path dir;

  private Dataset scoredDataset() {
    String file = csv(dir, "s.csv", "id,amt,note\n1,100,\"say \"\"hi\"\", ok\"\n2,,\u00e9t\u00e9\n");
    // z = -1 + 0.01*amt: row 1 z = 0 -> 0.5 (flagged); row 2 z = -1 -> 1 / (1 + e) = 0.2689414213699951
    ScorerConfig scorer = new ScorerConfig(ScorerConfig.LOGISTIC, -1.0, Map.of("amt", 0.01), 0.5);
    return DatasetLoader.load(scored("s", file, scorer), dir);
  }

  @Test
  @DisplayName("carries a score and a flag computed at load when the dataset is scored")
  void scores() {
    Dataset d = scoredDataset();
    assertThat(d.scored()).isTrue();
    assertThat(d.row(1).score()).isEqualTo(0.5);
    assertThat(d.row(1).isFraud()).isTrue();
    assertThat(d.row(2).score()).isEqualTo(0.2689414213699951);
    assertThat(d.row(2).isFraud()).isFalse();
  }

  @Test
  @DisplayName("has a fragment that is valid JSON in braces and holds the row, score and flag")
  void fragmentScored() {
    Dataset d = scoredDataset();
    for (int seq = 1; seq <= d.total(); seq++) {
      DatasetRow row = d.row(seq);
      JsonObject parsed = new JsonObject("{" + row.fragment() + "}");
      assertThat(parsed.fieldNames()).containsExactly("row", "score", "is_fraud");
      assertThat(parsed.getJsonObject("row")).isEqualTo(row.row());
      assertThat(parsed.getDouble("score")).isEqualTo(row.score());
      assertThat(parsed.getBoolean("is_fraud")).isEqualTo(row.isFraud());
    }
    assertThat(new JsonObject("{" + d.row(1).fragment() + "}").getJsonObject("row").getString("note"))
        .isEqualTo("say \"hi\", ok");
    assertThat(new JsonObject("{" + d.row(2).fragment() + "}").getJsonObject("row").getString("note"))
        .isEqualTo("\u00e9t\u00e9");
  }

  @Test
  @DisplayName("has a fragment without score members when the dataset is not scored")
  void fragmentUnscored() {
    String file = csv(dir, "p.csv", "b,a\n007,1.5\n");
    DatasetRow row = DatasetLoader.load(plain("p", file), dir).row(1);
    assertThat(row.fragment()).isEqualTo("\"row\":{\"b\":\"007\",\"a\":1.5}");
    JsonObject payload = new JsonObject("{\"stream_id\":\"s\",\"seq\":1," + row.fragment() + ",\"ts\":5}");
    assertThat(payload.fieldNames()).containsExactly("stream_id", "seq", "row", "ts");
  }

  @Test
  @DisplayName("cannot be changed through the row a caller gets, and keeps its column order through copies")
  void immutable() {
    Dataset d = scoredDataset();
    JsonObject row = d.row(1).row();
    row.put("amt", 999).remove("id");
    assertThat(d.row(1).row().getLong("amt")).isEqualTo(100L);
    assertThat(d.row(1).row().fieldNames()).containsExactly("id", "amt", "note");
    assertThat(d.row(1).row().copy().fieldNames()).containsExactly("id", "amt", "note");
    assertThat(d.row(1).fragment()).contains("\"amt\":100");
  }
}
