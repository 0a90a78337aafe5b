package io.streamhub.ingress.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An application's own namespace on the embedded Socket.IO server, checked on the wire with a polling client. */
@ExtendWith(VertxExtension.class)
class SocketIoNamespaceTest {

  private PollingClient client;
  private final CompletableFuture<JsonArray> clientAck = new CompletableFuture<>();

  @BeforeEach
  void deploy(Vertx vertx) {
    SocketIoNamespaces apps = new SocketIoNamespaces(vertx.eventBus());
    SocketIoNamespace chat = apps.namespace("/chat");
    chat.onConnection(socket -> socket.join("lobby"))
        .on("echo", (socket, args, ack) -> ack.reply(args.getList().toArray()))
        .on("shout", (socket, args, ack) -> chat.emitToRoom("lobby", "shouted", args.getValue(0)))
        .on("ask_me", (socket, args, ack) -> socket.emitWithAck(5000, "question", "ready?")
            .onComplete(answer -> clientAck.complete(answer.succeeded() ? answer.result() : null)))
        .on("explode", (socket, args, ack) -> {
          throw new IllegalStateException("handler bug");
        });
    int port = IngressFixture.deploy(vertx, new JsonObject(), apps);
    client = new PollingClient(vertx, port);
    client.open();
  }

  private void connectChat() {
    client.send("40/chat,");
    assertThat(client.next()).startsWith("40/chat,{\"sid\":");
  }

  @Test
  @DisplayName("A handler's ack answers the client's ack id with the handler's arguments")
  void handlerAck() {
    connectChat();
    client.send("42/chat,5[\"echo\",{\"a\":1},\"two\"]");
    assertThat(client.next()).isEqualTo("43/chat,5[{\"a\":1},\"two\"]");
  }

  @Test
  @DisplayName("Binary arguments arrive as bytes and go back as a binary ack with an attachment")
  void binaryRoundTrip() {
    connectChat();
    String bytes = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});
    client.send("451-/chat,6[\"echo\",{\"_placeholder\":true,\"num\":0}]", "b" + bytes);
    assertThat(client.next()).isEqualTo("461-/chat,6[{\"_placeholder\":true,\"num\":0}]");
    assertThat(client.next()).isEqualTo("b" + bytes);
  }

  @Test
  @DisplayName("An emit to a room reaches the sockets the connection handler put there")
  void roomEmit() {
    connectChat();
    client.send("42/chat,[\"shout\",\"hello\"]");
    assertThat(client.next()).isEqualTo("42/chat,[\"shouted\",\"hello\"]");
  }

  @Test
  @DisplayName("The server asks the client for an ack and receives the client's answer")
  void serverAsksClient() throws Exception {
    connectChat();
    client.send("42/chat,[\"ask_me\"]");
    String question = client.next();
    assertThat(question).startsWith("42/chat,").endsWith("[\"question\",\"ready?\"]");
    String ackId = question.substring("42/chat,".length(), question.indexOf('['));
    client.send("43/chat," + ackId + "[\"yes\"]");
    assertThat(clientAck.get(5, TimeUnit.SECONDS)).isEqualTo(new JsonArray().add("yes"));
  }

  @Test
  @DisplayName("An unknown event or a failing handler answers with an error; the socket stays usable")
  void errors() {
    connectChat();
    client.send("42/chat,1[\"nope\"]");
    assertThat(new JsonArray(client.next().substring("43/chat,1".length())).getJsonObject(0)
        .getJsonObject("error").getString("code")).isEqualTo("unknown_event");
    assertThat(client.next()).startsWith("42/chat,[\"error\"");
    client.send("42/chat,2[\"explode\"]");
    assertThat(client.next()).contains("\"internal\"");
    client.next();
    client.send("42/chat,3[\"echo\",1]");
    assertThat(client.next()).isEqualTo("43/chat,3[1]");
  }

  @Test
  @DisplayName("The main namespace keeps Streamhub's protocol next to an application namespace on one session")
  void twoNamespaces() {
    client.send("40");
    assertThat(client.next()).startsWith("40{\"sid\"");
    assertThat(client.next()).startsWith("42[\"connected\"");
    connectChat();
    client.send("421[\"subscribe\",{\"room\":\"x\"}]", "42/chat,2[\"echo\",\"y\"]");
    assertThat(client.next()).isEqualTo("431[{\"room\":\"x\",\"subscribed\":true}]");
    assertThat(client.next()).isEqualTo("43/chat,2[\"y\"]");
  }
}
