package io.streamhub.tools.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  @Test
  @DisplayName("Plain fields, including spaces and empty ones, are written as they are")
  void leavesPlainFieldsAlone() {
    assertThat(CsvWriter.field("american express")).isEqualTo("american express");
    assertThat(CsvWriter.field("")).isEmpty();
    assertThat(CsvWriter.field("SM-G930V Build/NRD90M")).isEqualTo("SM-G930V Build/NRD90M");
  }

  @Test
  @DisplayName("A field holding a comma, quote, CR or LF is quoted, with inner quotes doubled")
  void quotesSpecialFields() {
    assertThat(CsvWriter.field("Moto G (5) Plus, Build/NPNS25.137-93-14"))
        .isEqualTo("\"Moto G (5) Plus, Build/NPNS25.137-93-14\"");
    assertThat(CsvWriter.field("Galaxy \"S8\"")).isEqualTo("\"Galaxy \"\"S8\"\"\"");
    assertThat(CsvWriter.field("a\rb")).isEqualTo("\"a\rb\"");
    assertThat(CsvWriter.field("a\nb")).isEqualTo("\"a\nb\"");
  }

  @Test
  @DisplayName("Every line ends with LF and an RFC 4180 reader gets the same fields back")
  void roundTrips() {
    List<List<String>> rows = List.of(List.of("id", "info", "note"), List.of("1", "Galaxy \"S8\"", ""),
        List.of("2", "a, b", "line\nbreak"), List.of("", "", ""));
    CsvWriter writer = new CsvWriter();
    rows.forEach(writer::row);
    assertThat(writer.text()).startsWith("id,info,note\n1,\"Galaxy \"\"S8\"\"\",\n").endsWith(",,\n")
        .doesNotContain("\r\n");
    assertThat(Rfc4180.parse(writer.text())).isEqualTo(rows);
  }

  @Test
  @DisplayName("A table refuses a row whose width differs from the header, naming the row")
  void rejectsRaggedRows() {
    assertThatThrownBy(() -> new CsvTable(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3"))))
        .hasMessageContaining("row 2").hasMessageContaining("1 fields");
  }
}
