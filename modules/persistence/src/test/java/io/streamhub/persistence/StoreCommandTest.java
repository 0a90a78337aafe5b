package io.streamhub.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("StoreCommand")
class StoreCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return StoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("--help prints the usage to stdout and returns 0")
  void helpReturnsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("Usage:").contains("--port N").contains("--data-dir DIR").contains("127.0.0.1");
    assertThat(err()).isEmpty();
  }

  @Test
  @DisplayName("an unknown flag returns 2 with a message on stderr naming the flag")
  void unknownFlagReturnsTwo() {
    assertThat(run("--port", "0", "--bogus")).isEqualTo(2);
    assertThat(err()).contains("unknown flag --bogus");
    assertThat(out()).isEmpty();
  }

  @Test
  @DisplayName("a bad or missing port returns 2 with a message naming --port")
  void badPortReturnsTwo() {
    assertThat(run("--port", "70000")).isEqualTo(2);
    assertThat(run("--port=abc")).isEqualTo(2);
    assertThat(run("--port")).isEqualTo(2);
    assertThat(run("--host", "127.0.0.1")).isEqualTo(2);
    assertThat(err().lines().filter(line -> line.startsWith("store: ")))
        .containsExactly("store: --port must be a number between 0 and 65535, got \"70000\"",
            "store: --port must be a number between 0 and 65535, got \"abc\"",
            "store: --port needs a value",
            "store: --port is required");
  }

  @Test
  @DisplayName("parses --flag value and --flag=value, with the bundled defaults for host and data dir")
  void parsesOptions() {
    StoreCommand.StoreOptions options = StoreCommand.StoreOptions.parse(new String[] {"--port=27018", "--data-dir", "/tmp/x"}, "127.0.0.1", "");
    assertThat(options).isEqualTo(new StoreCommand.StoreOptions(false, "127.0.0.1", 27018, "/tmp/x"));
  }

  @Test
  @DisplayName("serves the store until its thread is interrupted, then closes it and returns 0")
  void servesUntilInterrupted(Vertx vertx) throws Exception {
    int port = TestPorts.freePort();
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread command = new Thread(() -> exitCode.set(run("--port", String.valueOf(port))), "store-command-test");
    command.start();

    MongoClient client = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000").put("db_name", "test"));
    JsonObject pong = client.runCommand("ping", new JsonObject().put("ping", 1)).await(10, TimeUnit.SECONDS);
    assertThat(pong.getValue("ok")).isIn(1, 1.0);

    command.interrupt();
    command.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(command.isAlive()).isFalse();
    assertThat(exitCode).hasValue(0);
  }
}
