package io.streamhub.server.sio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the third-party Socket.IO test clients live (src/test/clients) and whether they are installed: npm's
 * socket.io-client and socket.io in node_modules, Debian's python3-socketio for /usr/bin/python3.
 */
public final class SioClients {

  /** Debian's Python, which has python3-socketio; the pyenv python3 first in PATH has not. */
  public static final String PYTHON = "/usr/bin/python3";

  static final String INSTALL = "run the \"test dependencies\" step of .ci/run: "
      + "`apt-get install -y --no-install-recommends python3-socketio python3-websocket python3-requests` and "
      + "`npm ci --prefix modules/server/src/test/clients`";

  private static List<String> lookedUp;

  private SioClients() {
  }

  /** The clients directory: Maven runs the module's tests with user.dir = modules/server; an IDE may use the root. */
  public static Path dir() {
    Path base = Path.of(System.getProperty("user.dir"));
    Path inModule = base.resolve("src/test/clients");
    return Files.isDirectory(inModule) ? inModule : base.resolve("modules/server/src/test/clients");
  }

  /**
   * Skips the calling test (JUnit abort) when the clients are not installed on a developer's machine, so a checkout
   * with only a JDK and Maven still verifies green; fails instead when CI=true, where a skip would hide a broken
   * install step.
   */
  public static void requireInstalled() {
    List<String> missing = missing();
    if (missing.isEmpty()) {
      return;
    }
    String message = "Socket.IO test clients missing: " + String.join(", ", missing) + "; " + INSTALL;
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  /** What is missing, looked up once per test JVM (it starts a node and a python process). */
  private static synchronized List<String> missing() {
    if (lookedUp == null) {
      lookedUp = lookUpMissing();
    }
    return lookedUp;
  }

  private static List<String> lookUpMissing() {
    List<String> missing = new ArrayList<>();
    for (String module : List.of("socket.io-client", "socket.io")) {
      if (!Files.isDirectory(dir().resolve("node_modules").resolve(module))) {
        missing.add("npm package " + module + " (in " + dir().resolve("node_modules") + ")");
      }
    }
    if (!runs("node", "--version")) {
      missing.add("node on PATH");
    }
    if (!runs(PYTHON, "-c", "import socketio")) {
      missing.add("python3-socketio for " + PYTHON);
    }
    return List.copyOf(missing);
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
