package io.streamhub.server.sio;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process that talks JSON lines: stdout lines are read on a daemon thread into a queue, stderr is kept for
 * failure messages, and awaits keep the lines they did not match for later awaits.
 */
class JsonLinesProcess implements AutoCloseable {

  private static final JsonObject EOF = new JsonObject().put("type", "$eof");
  private static final int RECENT = 40;

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
  private final List<JsonObject> unmatched = new ArrayList<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private final StringBuffer stderr = new StringBuffer();
  private boolean ended;

  JsonLinesProcess(String name, Path workDir, List<String> command) {
    this.name = name;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
      builder.environment().put("PYTHONUNBUFFERED", "1");
      process = builder.start();
    } catch (IOException e) {
      throw new AssertionError("cannot start " + name + ": " + command, e);
    }
    stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    daemon(name + "-stdout", () -> readStdout(process.getInputStream()));
    daemon(name + "-stderr", () -> readStderr(process.getErrorStream()));
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void readStdout(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject parsed;
        try {
          parsed = new JsonObject(line);
        } catch (DecodeException e) {
          parsed = new JsonObject().put("type", "$non_json").put("line", line);
        }
        queue.add(parsed);
      }
    } catch (IOException e) {
      stderr.append("[stdout read failed: ").append(e).append("]\n");
    } finally {
      queue.add(EOF);
    }
  }

  private void readStderr(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        stderr.append(line).append('\n');
      }
    } catch (IOException e) {
      stderr.append("[stderr read failed: ").append(e).append("]\n");
    }
  }

  /** Writes one JSON line to the process's stdin. */
  synchronized void send(JsonObject command) {
    try {
      stdin.write(command.encode());
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw new AssertionError("cannot send " + command.encode() + " to " + describe(), e);
    }
  }

  /**
   * The first line, earlier unmatched ones included, that matches; the lines passed over stay for later awaits.
   * Fails naming what was awaited, with the last lines seen and stderr.
   */
  synchronized JsonObject awaitLine(String what, Predicate<JsonObject> matches, Duration timeout) {
    for (Iterator<JsonObject> it = unmatched.iterator(); it.hasNext(); ) {
      JsonObject line = it.next();
      if (matches.test(line)) {
        it.remove();
        return line;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ended) {
      JsonObject line;
      try {
        line = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted awaiting " + what + " from " + describe());
      }
      if (line == null) {
        throw new AssertionError("timed out after " + timeout + " awaiting " + what + " from " + describe());
      }
      if (line == EOF) {
        ended = true;
        break;
      }
      remember(line);
      if (matches.test(line)) {
        return line;
      }
      unmatched.add(line);
    }
    throw new AssertionError("output ended (exit " + exitCode() + ") awaiting " + what + " from " + describe());
  }

  /** Removes and returns, without waiting, every line received so far that matches. */
  synchronized List<JsonObject> takeAll(Predicate<JsonObject> matches) {
    List<JsonObject> drained = new ArrayList<>();
    queue.drainTo(drained);
    for (JsonObject line : drained) {
      if (line == EOF) {
        ended = true;
      } else {
        remember(line);
        unmatched.add(line);
      }
    }
    List<JsonObject> taken = new ArrayList<>();
    unmatched.removeIf(line -> matches.test(line) && taken.add(line));
    return taken;
  }

  private void remember(JsonObject line) {
    recent.addLast(line.encode());
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
  }

  private String exitCode() {
    return process.isAlive() ? "none yet" : String.valueOf(process.exitValue());
  }

  String describe() {
    return name + "\n  last lines seen:\n    " + (recent.isEmpty() ? "(none)" : String.join("\n    ", recent))
        + "\n  stderr:\n    " + (stderr.isEmpty() ? "(empty)" : stderr.toString().strip().replace("\n", "\n    "));
  }

  /** Sends {@code goodbye} (if any), then waits for the process to end, destroying it after a grace period. */
  void close(JsonObject goodbye) {
    if (process.isAlive() && goodbye != null) {
      try {
        send(goodbye);
      } catch (AssertionError ignored) {
        // the process is going anyway
      }
    }
    try {
      stdin.close();
    } catch (IOException ignored) {
      // closing stdin also tells the process to leave
    }
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(null);
  }
}
