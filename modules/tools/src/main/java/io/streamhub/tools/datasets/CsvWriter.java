package io.streamhub.tools.datasets;

import java.util.List;

/**
 * Writes RFC 4180 CSV text: a field is quoted when it holds a comma, a double quote, CR or LF, with inner quotes
 * doubled; every line ends with {@code \n}. Callers encode the text as UTF-8 without a byte order mark.
 */
public final class CsvWriter {

  private final StringBuilder text = new StringBuilder();

  /** Appends one line of fields. */
  public CsvWriter row(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(field(fields.get(i)));
    }
    text.append('\n');
    return this;
  }

  /** The text written so far. */
  public String text() {
    return text.toString();
  }

  /** {@code value} as it appears in a line: unchanged, or quoted when it needs to be. */
  public static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
