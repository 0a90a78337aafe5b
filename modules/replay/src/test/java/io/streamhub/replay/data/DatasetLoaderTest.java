package io.streamhub.replay.data;

import static io.streamhub.replay.data.Fixtures.csv;
import static io.streamhub.replay.data.Fixtures.joined;
import static io.streamhub.replay.data.Fixtures.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Loading a dataset")
class DatasetLoaderTest {

  @TempDir
  Path dir;

  private String tx() {
    return csv(dir, "tx.csv", "id,amt,kind\n1,10,a\n2,20,b\n3,30,c\n");
  }

  @Test
  @DisplayName("gives each main row the columns of its join partner")
  void joinPartner() {
    csv(dir, "id.csv", "id,device\n2,mobile\n1,desktop\n");
    Dataset d = DatasetLoader.load(joined("tx", tx(), "id.csv", "id"), dir);
    assertThat(d.columns()).containsExactly("id", "amt", "kind", "device");
    assertThat(d.row(1).row()).isEqualTo(new JsonObject("{\"id\":1,\"amt\":10,\"kind\":\"a\",\"device\":\"desktop\"}"));
    assertThat(d.row(2).row().getString("device")).isEqualTo("mobile");
  }

  @Test
  @DisplayName("gives a main row without a join partner null join columns")
  void joinWithoutPartner() {
    csv(dir, "id.csv", "id,device,os\n1,desktop,linux\n");
    Dataset d = DatasetLoader.load(joined("tx", tx(), "id.csv", "id"), dir);
    JsonObject third = d.row(3).row();
    assertThat(third.containsKey("device")).isTrue();
    assertThat(third.getValue("device")).isNull();
    assertThat(third.getValue("os")).isNull();
    assertThat(d.row(3).fragment()).contains("\"device\":null,\"os\":null");
    assertThat(d.total()).isEqualTo(3);
  }

  @Test
  @DisplayName("joins the first partner of a key and counts later ones as skipped")
  void duplicatePartner() {
    csv(dir, "id.csv", "id,device\n1,desktop\n2,mobile\n1,tablet\n");
    Dataset d = DatasetLoader.load(joined("tx", tx(), "id.csv", "id"), dir);
    assertThat(d.row(1).row().getString("device")).isEqualTo("desktop");
    assertThat(d.skippedRows()).isEqualTo(1);
    assertThat(d.skippedReasons()).containsExactly("id.csv line 4: duplicate id \"1\" (first on line 2)");
  }

  @Test
  @DisplayName("refuses a join key that is not a column of the main file")
  void keyMissingFromMain() {
    csv(dir, "id.csv", "TransactionID,device\n1,desktop\n");
    String tx = tx();
    assertThatThrownBy(() -> DatasetLoader.load(joined("tx", tx, "id.csv", "TransactionID"), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage("dataset tx: join key \"TransactionID\" is not a column of " + tx)
        .extracting(e -> ((DatasetException) e).file()).isEqualTo(tx);
  }

  @Test
  @DisplayName("refuses a join key that is not a column of the join file")
  void keyMissingFromJoin() {
    csv(dir, "id.csv", "key,device\n1,desktop\n");
    assertThatThrownBy(() -> DatasetLoader.load(joined("tx", tx(), "id.csv", "id"), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage("dataset tx: join key \"id\" is not a column of id.csv")
        .extracting(e -> ((DatasetException) e).file()).isEqualTo("id.csv");
  }

  @Test
  @DisplayName("refuses a join column other than the key that the main file also has")
  void collidingColumn() {
    csv(dir, "id.csv", "id,kind\n1,x\n");
    String tx = tx();
    assertThatThrownBy(() -> DatasetLoader.load(joined("tx", tx, "id.csv", "id"), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("column \"kind\" is in both " + tx + " and id.csv");
  }

  @Test
  @DisplayName("keeps only the configured fields, in their configured order, join columns included")
  void fieldsOrder() {
    csv(dir, "id.csv", "id,device\n1,desktop\n");
    Dataset d = DatasetLoader.load(joined("tx", tx(), "id.csv", "id", "device", "kind", "id"), dir);
    assertThat(d.columns()).containsExactly("device", "kind", "id");
    assertThat(d.row(1).row().fieldNames()).containsExactly("device", "kind", "id");
    assertThat(d.row(1).fragment()).startsWith("\"row\":{\"device\":\"desktop\",\"kind\":\"a\",\"id\":1}");
  }

  @Test
  @DisplayName("refuses a field that is a column of neither file, naming the field and the files")
  void unknownField() {
    csv(dir, "id.csv", "id,device\n1,desktop\n");
    String tx = tx();
    assertThatThrownBy(() -> DatasetLoader.load(joined("tx", tx, "id.csv", "id", "amt", "colour"), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage("dataset tx: field \"colour\" is not a column of " + tx + " or id.csv");
  }

  @Test
  @DisplayName("turns plain decimal numbers into numbers, empty values into null and everything else into strings")
  void valueConversion() {
    String[] raw = {"", "42", "-7", "0", "3.25", "-0.5", "1e3", "2.5E-2", "007", "1e", "NaN", "Infinity", "0x1F",
        "99999999999999999999", "1.", ".5", "+1", "1e999", "abc", " 1"};
    String header = IntStream.range(0, raw.length).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
    String file = csv(dir, "v.csv", header + "\n" + String.join(",", raw) + "\n");
    JsonObject row = DatasetLoader.load(plain("v", file), dir).row(1).row();
    assertThat(row.getValue("c0")).isNull();
    assertThat(row.getValue("c1")).isEqualTo(42L);
    assertThat(row.getValue("c2")).isEqualTo(-7L);
    assertThat(row.getValue("c3")).isEqualTo(0L);
    assertThat(row.getValue("c4")).isEqualTo(3.25);
    assertThat(row.getValue("c5")).isEqualTo(-0.5);
    assertThat(row.getValue("c6")).isEqualTo(1000.0);
    assertThat(row.getValue("c7")).isEqualTo(0.025);
    for (int i = 8; i < raw.length; i++) {
      assertThat(row.getValue("c" + i)).as(raw[i]).isEqualTo(raw[i]);
    }
  }

  @Test
  @DisplayName("refuses a missing file with a message naming its path")
  void missingFile() {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> DatasetLoader.load(plain("tx", missing.toString()), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage("dataset tx: cannot read " + missing + ": no such file")
        .extracting(e -> ((DatasetException) e).file()).isEqualTo(missing.toString());
  }

  @Test
  @DisplayName("resolves a relative path against the base directory and names both when missing")
  void relativePath() {
    csv(dir, "rel.csv", "a\n1\n");
    assertThat(DatasetLoader.load(plain("r", "rel.csv"), dir).total()).isEqualTo(1);
    assertThatThrownBy(() -> DatasetLoader.load(plain("r", "gone.csv"), dir))
        .hasMessage("dataset r: cannot read gone.csv (" + dir.resolve("gone.csv").toAbsolutePath() + "): no such file");
  }

  @Test
  @DisplayName("refuses a missing join file, naming it")
  void missingJoinFile() {
    assertThatThrownBy(() -> DatasetLoader.load(joined("tx", tx(), "none.csv", "id"), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("cannot read none.csv")
        .extracting(e -> ((DatasetException) e).file()).isEqualTo("none.csv");
  }

  @Test
  @DisplayName("refuses a missing bundled dataset, naming it")
  void missingBundled() {
    assertThatThrownBy(() -> DatasetLoader.load(plain("b", "bundled:absent.csv"), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("dataset b: cannot read bundled:absent.csv: no such bundled dataset");
  }

  @Test
  @DisplayName("refuses a dataset without a good row")
  void noRows() {
    String file = csv(dir, "bad.csv", "a,b\n1\n2,3,4\n");
    assertThatThrownBy(() -> DatasetLoader.load(plain("bad", file), dir))
        .isInstanceOf(DatasetException.class)
        .hasMessage("dataset bad: " + file + " has no rows (2 skipped, first: bad.csv line 2: 1 fields, header has 2)");
  }

  @Test
  @DisplayName("numbers rows from 1 and reports skipped records with file name and line")
  void skippedRows() {
    String file = csv(dir, "s.csv", "a,b\n1,2\n3\n4,5\n");
    Dataset d = DatasetLoader.load(plain("s", file), dir);
    assertThat(d.total()).isEqualTo(2);
    assertThat(d.row(2).seq()).isEqualTo(2);
    assertThat(d.row(2).row().getLong("a")).isEqualTo(4L);
    assertThat(d.skippedRows()).isEqualTo(1);
    assertThat(d.skippedReasons()).containsExactly("s.csv line 3: 1 fields, header has 2");
    assertThat(d.scored()).isFalse();
    assertThat(d.row(1).score()).isNull();
    assertThat(d.row(1).isFraud()).isNull();
    assertThatThrownBy(() -> d.row(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> d.row(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  @DisplayName("loads 1,200 rows of 80 columns quickly")
  void size() {
    String header = IntStream.range(0, 80).mapToObj(i -> "col" + i).collect(Collectors.joining(","));
    String[] line = IntStream.range(0, 80).mapToObj(i -> i % 3 == 0 ? "12.5" : i % 3 == 1 ? "text" : "")
        .toArray(String[]::new);
    String body = String.join("\n", Collections.nCopies(1200, String.join(",", line)));
    String file = csv(dir, "big.csv", header + "\n" + body + "\n");
    long start = System.nanoTime();
    Dataset d = DatasetLoader.load(plain("big", file), dir);
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    assertThat(d.total()).isEqualTo(1200);
    assertThat(d.row(1200).row().size()).isEqualTo(80);
  }
}
