package io.streamhub.tools.datasets;

import java.util.ArrayList;
import java.util.List;

/** A strict test-side RFC 4180 reader: every record must end with {@code \n}; a bad quote fails. */
final class Rfc4180 {

  private Rfc4180() {
  }

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && field.length() == 0) {
        i = quoted(text, i + 1, field);
        char next = i < text.length() ? text.charAt(i) : '\0';
        if (next != ',' && next != '\n') {
          throw new IllegalArgumentException("text after a closing quote at offset " + i);
        }
        continue;
      }
      if (c == '"' || c == '\r') {
        throw new IllegalArgumentException("unquoted " + (c == '"' ? "quote" : "CR") + " at offset " + i);
      }
      if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
      i++;
    }
    if (field.length() > 0 || !record.isEmpty()) {
      throw new IllegalArgumentException("last record does not end with a newline");
    }
    return records;
  }

  /** Reads a quoted field's content starting after its opening quote; returns the offset after the closing one. */
  private static int quoted(String text, int start, StringBuilder field) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        return i + 1;
      }
      field.append(c);
      i++;
    }
    throw new IllegalArgumentException("unterminated quote starting at offset " + (start - 1));
  }
}
