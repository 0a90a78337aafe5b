package io.streamhub.replay.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 text into records, one physical record per {@link #parse()}; see {@link CsvReader}. */
final class CsvLexer {

  enum Outcome { RECORD, BLANK, MALFORMED, END }

  private static final int EOF = -1;
  private static final int UNTERMINATED = -2;

  private final Reader in;
  private final char[] buf = new char[1 << 14];
  private int pos;
  private int len;
  private int line = 1;
  private int recordLine;
  private String problem;
  private final StringBuilder field = new StringBuilder();
  private final List<String> fields = new ArrayList<>();

  CsvLexer(Reader in) throws IOException {
    this.in = in;
    if (peek() == '\uFEFF') {
      read();
    }
  }

  /** The fields of the last {@link Outcome#RECORD}; overwritten by the next parse. */
  List<String> fields() {
    return fields;
  }

  /** The 1-based line the last parsed record starts on. */
  int recordLine() {
    return recordLine;
  }

  /** Why the last record is {@link Outcome#MALFORMED}. */
  String problem() {
    return problem;
  }

  /** Reads one record; a malformed one is consumed up to its line end (or, for an unterminated quote, the end). */
  Outcome parse() throws IOException {
    fields.clear();
    recordLine = line;
    int c = read();
    if (c == EOF) {
      return Outcome.END;
    }
    boolean blank = true;
    while (true) {
      field.setLength(0);
      if (c == '"') {
        blank = false;
        c = quoted();
        if (c == UNTERMINATED) {
          problem = "unterminated quote in field " + (fields.size() + 1) + " at end of file";
          return Outcome.MALFORMED;
        }
        if (!endsField(c)) {
          return malformed("text after the closing quote of field " + (fields.size() + 1), c);
        }
      } else {
        while (!endsField(c)) {
          if (c == '"') {
            return malformed("quote inside unquoted field " + (fields.size() + 1), c);
          }
          blank &= c == ' ' || c == '\t';
          field.append((char) c);
          c = read();
        }
      }
      fields.add(field.toString());
      if (c != ',') {
        endLine(c);
        return blank ? Outcome.BLANK : Outcome.RECORD;
      }
      blank = false;
      c = read();
    }
  }

  /**
   * Reads a quoted field's content after its opening quote; returns the character after the closing quote, or
   * {@code UNTERMINATED} at the end of the input.
   */
  private int quoted() throws IOException {
    while (true) {
      int c = read();
      if (c == EOF) {
        return UNTERMINATED;
      }
      if (c == '"') {
        c = read();
        if (c != '"') {
          return c;
        }
        field.append('"');
      } else {
        field.append((char) c);
        if (c == '\n' || c == '\r') {
          if (c == '\r' && peek() == '\n') {
            field.append((char) read());
          }
          line++;
        }
      }
    }
  }

  private Outcome malformed(String reason, int c) throws IOException {
    problem = reason;
    while (c != '\r' && c != '\n' && c != EOF) {
      c = read();
    }
    endLine(c);
    return Outcome.MALFORMED;
  }

  private static boolean endsField(int c) {
    return c == ',' || c == '\r' || c == '\n' || c == EOF;
  }

  private void endLine(int c) throws IOException {
    if (c == EOF) {
      return;
    }
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int read() throws IOException {
    int c = peek();
    if (c != EOF) {
      pos++;
    }
    return c;
  }

  private int peek() throws IOException {
    while (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len < 0) {
        len = 0;
        return EOF;
      }
    }
    return buf[pos];
  }
}
