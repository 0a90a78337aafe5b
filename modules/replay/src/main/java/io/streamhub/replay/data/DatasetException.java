package io.streamhub.replay.data;

/**
 * A dataset that cannot be loaded: a missing or unreadable file, a bad header, a join or field that does not fit the
 * files, or no good rows. The message names the dataset and the file, e.g.
 * {@code dataset transactions: cannot read /data/tx.csv: no such file}.
 */
public class DatasetException extends RuntimeException {

  private final String file;

  /**
   * @param file the file as configured ({@code bundled:NAME} or a path)
   * @param message the whole message, naming the file
   */
  public DatasetException(String file, String message) {
    this(file, message, null);
  }

  public DatasetException(String file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file as configured ({@code bundled:NAME} or a path) that the problem is about. */
  public String file() {
    return file;
  }

  /** This problem, with the message prefixed by {@code dataset NAME: }. */
  DatasetException inDataset(String name) {
    return new DatasetException(file, "dataset " + name + ": " + getMessage(), this);
  }
}
