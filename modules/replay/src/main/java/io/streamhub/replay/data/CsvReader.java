package io.streamhub.replay.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the records of an RFC 4180 CSV: a required header row, then one record per {@link #next()} call.
 *
 * <p>Fields are separated by commas; a quoted field may hold commas, doubled quotes and CR/LF line breaks; lines end
 * with CRLF, LF or CR; a leading UTF-8 BOM is dropped; blank lines (empty or only spaces and tabs) are skipped. A
 * malformed record (a field count that differs from the header's, an unterminated quote, a quote inside an unquoted
 * field, text after a closing quote) is skipped and reported to the {@link SkipListener}; reading goes on with the
 * next line. Line numbers are 1-based physical lines, so a record with quoted line breaks spans several. Not
 * thread-safe.
 */
public final class CsvReader implements Closeable {

  /** Told about each malformed record that was skipped. */
  @FunctionalInterface
  public interface SkipListener {

    /**
     * @param line the 1-based line the record starts on
     * @param reason what is wrong, e.g. {@code 12 fields, header has 11}
     */
    void skipped(int line, String reason);
  }

  private final Reader in;
  private final CsvLexer lexer;
  private final SkipListener onSkip;
  private final List<String> header;

  /**
   * Reads the header row.
   *
   * @param file the file as configured, for messages
   * @throws DatasetException when the header is missing or malformed, or names a column twice or not at all
   */
  public CsvReader(Reader in, String file, SkipListener onSkip) throws IOException {
    this.in = in;
    this.lexer = new CsvLexer(in);
    this.onSkip = onSkip;
    CsvLexer.Outcome outcome;
    do {
      outcome = lexer.parse();
    } while (outcome == CsvLexer.Outcome.BLANK);
    if (outcome == CsvLexer.Outcome.END) {
      throw new DatasetException(file, file + ": no header row (the file is empty)");
    }
    if (outcome == CsvLexer.Outcome.MALFORMED) {
      throw new DatasetException(file, file + ": malformed header on line " + lexer.recordLine() + ": "
          + lexer.problem());
    }
    header = List.copyOf(lexer.fields());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty()) {
        throw new DatasetException(file, file + ": header column " + (i + 1) + " has no name");
      }
      Integer first = seen.putIfAbsent(name, i + 1);
      if (first != null) {
        throw new DatasetException(file, file + ": header names column \"" + name + "\" twice (columns " + first
            + " and " + (i + 1) + ")");
      }
    }
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The next well-formed record, one value per header column (empty fields are empty strings); null at the end. */
  public String[] next() throws IOException {
    while (true) {
      CsvLexer.Outcome outcome = lexer.parse();
      if (outcome == CsvLexer.Outcome.END) {
        return null;
      }
      if (outcome == CsvLexer.Outcome.MALFORMED) {
        onSkip.skipped(lexer.recordLine(), lexer.problem());
      } else if (outcome == CsvLexer.Outcome.RECORD) {
        List<String> fields = lexer.fields();
        if (fields.size() == header.size()) {
          return fields.toArray(new String[0]);
        }
        onSkip.skipped(lexer.recordLine(), fields.size() + " fields, header has " + header.size());
      }
    }
  }

  /** The 1-based line the record last returned by {@link #next()} starts on. */
  public int line() {
    return lexer.recordLine();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
