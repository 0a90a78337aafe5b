package io.streamhub.replay.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a dataset file as configured: {@code bundled:NAME} is the classpath resource
 * {@code io/streamhub/replay/datasets/NAME}; anything else is a path, a relative one resolved against the base
 * directory. Text is decoded as UTF-8 (malformed bytes become U+FFFD).
 */
final class DatasetFiles {

  static final String BUNDLED = "bundled:";
  static final String RESOURCE_DIR = "io/streamhub/replay/datasets/";

  private DatasetFiles() {
  }

  /** @throws DatasetException naming the file when it is missing or cannot be opened */
  static Reader open(String file, Path baseDir) {
    if (file.startsWith(BUNDLED)) {
      String resource = RESOURCE_DIR + file.substring(BUNDLED.length());
      InputStream in = DatasetLoader.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new DatasetException(file, "cannot read " + file + ": no such bundled dataset (classpath resource "
            + resource + ")");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
    Path path;
    try {
      path = baseDir == null ? Path.of(file) : baseDir.resolve(file);
    } catch (InvalidPathException e) {
      throw new DatasetException(file, "cannot read " + file + ": invalid path (" + e.getReason() + ")", e);
    }
    if (Files.isDirectory(path)) {
      throw cannotRead(file, path, "is a directory", null);
    }
    try {
      return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw cannotRead(file, path, "no such file", e);
    } catch (AccessDeniedException e) {
      throw cannotRead(file, path, "permission denied", e);
    } catch (IOException e) {
      throw cannotRead(file, path, String.valueOf(e.getMessage()), e);
    }
  }

  /** A read that failed after opening, naming the file. */
  static DatasetException readFailed(String file, IOException e) {
    return new DatasetException(file, "cannot read " + file + ": " + e.getMessage(), e);
  }

  /** The file's name without directories or {@code bundled:}, as used in skipped-row reasons. */
  static String fileName(String file) {
    String name = file.startsWith(BUNDLED) ? file.substring(BUNDLED.length()) : file;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  private static DatasetException cannotRead(String file, Path path, String why, Exception cause) {
    return new DatasetException(file, "cannot read " + shown(file, path) + ": " + why, cause);
  }

  private static String shown(String file, Path resolved) {
    String absolute = resolved.toAbsolutePath().normalize().toString();
    return absolute.equals(file) ? file : file + " (" + absolute + ")";
  }
}
