package io.streamhub.replay.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The CSV reader")
class CsvReaderTest {

  private final List<String> skipped = new ArrayList<>();

  private List<List<String>> read(String text) throws IOException {
    CsvReader.SkipListener onSkip = (line, why) -> skipped.add(line + ": " + why);
    try (CsvReader csv = new CsvReader(new StringReader(text), "t.csv", onSkip)) {
      List<List<String>> records = new ArrayList<>();
      String[] record;
      while ((record = csv.next()) != null) {
        records.add(List.of(record));
      }
      return records;
    }
  }

  private static List<String> header(String text) throws IOException {
    return new CsvReader(new StringReader(text), "t.csv", (line, why) -> { }).header();
  }

  @Test
  @DisplayName("keeps commas inside quoted fields")
  void quotedCommas() throws IOException {
    assertThat(read("a,b\n\"x,y\",z\n")).containsExactly(List.of("x,y", "z"));
  }

  @Test
  @DisplayName("turns doubled quotes inside a quoted field into one quote")
  void doubledQuotes() throws IOException {
    assertThat(read("a,b\n\"he said \"\"hi\"\"\",\"\"\"\"\n")).containsExactly(List.of("he said \"hi\"", "\""));
  }

  @Test
  @DisplayName("keeps an LF inside a quoted field and counts it as a line")
  void embeddedLf() throws IOException {
    assertThat(read("a,b\n\"l1\nl2\",z\n1,2,3\n")).containsExactly(List.of("l1\nl2", "z"));
    assertThat(skipped).containsExactly("4: 3 fields, header has 2");
  }

  @Test
  @DisplayName("keeps a CRLF inside a quoted field")
  void embeddedCrlf() throws IOException {
    assertThat(read("a,b\r\n\"l1\r\nl2\",z\r\nx,y\r\n"))
        .containsExactly(List.of("l1\r\nl2", "z"), List.of("x", "y"));
  }

  @Test
  @DisplayName("reads CRLF line ends without leaving a CR in the last field")
  void crlf() throws IOException {
    assertThat(read("a,b\r\n1,2\r\n3,4\r\n")).containsExactly(List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  @DisplayName("drops a UTF-8 BOM so the first column keeps its name")
  void bom() throws IOException {
    assertThat(header("\uFEFFid,name\n1,x\n")).containsExactly("id", "name");
    assertThat(read("\uFEFFid,name\n1,x\n")).containsExactly(List.of("1", "x"));
  }

  @Test
  @DisplayName("reads empty fields as empty strings")
  void emptyFields() throws IOException {
    assertThat(read("a,b,c\n,,\n1,,3\n\"\",x,\n"))
        .containsExactly(List.of("", "", ""), List.of("1", "", "3"), List.of("", "x", ""));
  }

  @Test
  @DisplayName("skips blank lines and makes no record of a trailing newline")
  void blankLines() throws IOException {
    assertThat(read("\na,b\n\n1,2\n  \r\n\n3,4\n\n")).containsExactly(List.of("1", "2"), List.of("3", "4"));
    assertThat(skipped).isEmpty();
  }

  @Test
  @DisplayName("reads a last record that has no newline")
  void noTrailingNewline() throws IOException {
    assertThat(read("a,b\n1,2\n3,")).containsExactly(List.of("1", "2"), List.of("3", ""));
  }

  @Test
  @DisplayName("skips records with too many or too few fields, with their line numbers, and reads on")
  void wrongFieldCount() throws IOException {
    assertThat(read("a,b\n1,2\n1,2,3\n4\n5,6\n")).containsExactly(List.of("1", "2"), List.of("5", "6"));
    assertThat(skipped).containsExactly("3: 3 fields, header has 2", "4: 1 fields, header has 2");
  }

  @Test
  @DisplayName("skips a record whose quote is never closed, keeping the rows before it")
  void unterminatedQuote() throws IOException {
    assertThat(read("a,b\n1,2\n3,\"open\n4,5\n")).containsExactly(List.of("1", "2"));
    assertThat(skipped).containsExactly("3: unterminated quote in field 2 at end of file");
  }

  @Test
  @DisplayName("skips a record with a quote inside an unquoted field and reads on")
  void quoteInUnquoted() throws IOException {
    assertThat(read("a,b\n1,x\"y\"\n3,4\n")).containsExactly(List.of("3", "4"));
    assertThat(skipped).containsExactly("2: quote inside unquoted field 2");
  }

  @Test
  @DisplayName("skips a record with text after a closing quote and reads on")
  void textAfterClosingQuote() throws IOException {
    assertThat(read("a,b\n\"x\"y,2\r\n3,4\r\n")).containsExactly(List.of("3", "4"));
    assertThat(skipped).containsExactly("2: text after the closing quote of field 1");
  }

  @Test
  @DisplayName("tells the line each returned record starts on")
  void lineOfRecord() throws IOException {
    try (CsvReader csv = new CsvReader(new StringReader("a\n\n\"1\n2\"\n3\n"), "t.csv", (l, w) -> { })) {
      assertThat(csv.next()).containsExactly("1\n2");
      assertThat(csv.line()).isEqualTo(3);
      assertThat(csv.next()).containsExactly("3");
      assertThat(csv.line()).isEqualTo(5);
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  @DisplayName("refuses a file without a header row")
  void noHeader() {
    assertThatThrownBy(() -> header("")).isInstanceOf(DatasetException.class)
        .hasMessage("t.csv: no header row (the file is empty)");
    assertThatThrownBy(() -> header("\n\r\n")).isInstanceOf(DatasetException.class)
        .hasMessageContaining("no header row");
  }

  @Test
  @DisplayName("refuses a header with an empty column name")
  void emptyColumnName() {
    assertThatThrownBy(() -> header("a,,c\n1,2,3\n")).isInstanceOf(DatasetException.class)
        .hasMessage("t.csv: header column 2 has no name")
        .extracting(e -> ((DatasetException) e).file()).isEqualTo("t.csv");
  }

  @Test
  @DisplayName("refuses a header that names a column twice")
  void duplicateColumn() {
    assertThatThrownBy(() -> header("a,b,a\n")).isInstanceOf(DatasetException.class)
        .hasMessage("t.csv: header names column \"a\" twice (columns 1 and 3)");
  }

  @Test
  @DisplayName("refuses a malformed header")
  void malformedHeader() {
    assertThatThrownBy(() -> header("a,b\"c\n1,2\n")).isInstanceOf(DatasetException.class)
        .hasMessage("t.csv: malformed header on line 1: quote inside unquoted field 2");
  }
}
