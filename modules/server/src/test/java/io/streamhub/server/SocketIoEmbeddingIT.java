package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.sio.SocketIoNamespace;
import io.streamhub.ingress.sio.SocketIoServer;
import io.streamhub.server.sio.SioClients;
import io.streamhub.server.sio.SioDriver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README's embedding example, driven by real socket.io clients: binary arguments, acks both ways, rooms. */
@DisplayName("An application's own namespace on an embedded node")
class SocketIoEmbeddingIT {

  private static Node node;
  private static String url;

  @BeforeAll
  static void start() {
    node = await(Node.start(config(roles("ingress", "persistence")), SocketIoEmbeddingIT::readmeExample));
    url = "http://127.0.0.1:" + node.httpPort();
  }

  /** The README's example namespace, "Embedding: your own namespaces and handlers". */
  static void readmeExample(SocketIoServer io) {
    SocketIoNamespace chat = io.namespace("/chat");
    chat.onConnection(socket -> socket.join("lobby"));
    chat.on("say", (socket, args, ack) -> {
      chat.emitToRoom("lobby", "said", socket.id(), args.getValue(0));
      if (ack != null) {
        ack.reply(new JsonObject().put("ok", true));
      }
    });
    chat.on("ping_me", (socket, args, ack) -> socket.emitWithAck(5_000, "are_you_there")
        .onSuccess(answer -> socket.emit("pong", answer)));
    chat.on("echo", (socket, args, ack) -> ack.reply(args.getList().toArray()));
  }

  @AfterAll
  static void stop() {
    await(node.close());
  }

  @BeforeEach
  void clients() {
    SioClients.requireInstalled();
  }

  private static SioDriver chat(SioDriver.Kind kind) {
    SioDriver client = SioDriver.of(kind, url).namespace("/chat").start();
    client.awaitConnect();
    return client;
  }

  @ParameterizedTest
  @EnumSource(SioDriver.Kind.class)
  @DisplayName("Binary arguments, also nested, go to the handler as bytes and come back unchanged in its ack")
  void binary(SioDriver.Kind kind) {
    byte[] top = {0, 1, 2, (byte) 255};
    byte[] nested = "nested bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (SioDriver client = chat(kind)) {
      JsonArray echoed = client.emitWithAck("echo", new JsonArray().add(SioDriver.bin(top))
          .add(new JsonObject().put("inner", SioDriver.bin(nested)).put("n", 7)));
      assertThat(SioDriver.bytes(echoed.getValue(0))).isEqualTo(top);
      assertThat(SioDriver.bytes(echoed.getJsonObject(1).getValue("inner"))).isEqualTo(nested);
      assertThat(echoed.getJsonObject(1).getInteger("n")).isEqualTo(7);
    }
  }

  @ParameterizedTest
  @EnumSource(SioDriver.Kind.class)
  @DisplayName("The server asks the client for an ack and gets the client's answer")
  void serverAsksClient(SioDriver.Kind kind) {
    try (SioDriver client = chat(kind)) {
      client.replyTo("are_you_there", new JsonArray().add("yes").add(42));
      client.emit("ping_me", new JsonArray());
      JsonArray pong = client.awaitEvent("pong").getJsonArray("args");
      assertThat(pong.getJsonArray(0)).isEqualTo(new JsonArray().add("yes").add(42));
    }
  }

  @ParameterizedTest
  @EnumSource(SioDriver.Kind.class)
  @DisplayName("An emit to a room reaches every socket in it, the sender included, and the sender's ack arrives")
  void rooms(SioDriver.Kind kind) {
    try (SioDriver speaker = SioDriver.of(kind, url).namespace("/chat").start();
        SioDriver listener = chat(SioDriver.Kind.NODE)) {
      String speakerId = speaker.awaitConnect().getString("id");
      JsonArray ack = speaker.emitWithAck("say", new JsonArray().add("hello"));
      assertThat(ack.getJsonObject(0).getBoolean("ok")).isTrue();
      JsonArray expected = new JsonArray().add(speakerId).add("hello");
      assertThat(listener.awaitEvent("said").getJsonArray("args")).isEqualTo(expected);
      assertThat(speaker.awaitEvent("said").getJsonArray("args")).isEqualTo(expected);
    }
  }
}
