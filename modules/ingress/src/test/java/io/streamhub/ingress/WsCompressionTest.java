package io.streamhub.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class WsCompressionTest {

  /** The response head of a WebSocket upgrade offering permessage-deflate, as a browser sends it. */
  private static String upgradeOfferingDeflate(int port, String uri) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
      return head.toString().toLowerCase();
    }
  }

  @Test
  @DisplayName("A client offering permessage-deflate gets uncompressed WebSockets unless ws.compression is on")
  void compressionIsOptIn(Vertx vertx) throws IOException {
    int plain = IngressFixture.deploy(vertx, new JsonObject());
    String ws = upgradeOfferingDeflate(plain, "/ws");
    assertThat(ws).startsWith("http/1.1 101").doesNotContain("permessage-deflate");
    assertThat(upgradeOfferingDeflate(plain, "/socket.io/?EIO=4&transport=websocket")).startsWith("http/1.1 101")
        .doesNotContain("permessage-deflate");
    int compressing = IngressFixture.deploy(vertx, new JsonObject().put("ws", new JsonObject().put("compression",
        true)));
    assertThat(upgradeOfferingDeflate(compressing, "/ws")).contains("sec-websocket-extensions: permessage-deflate");
  }
}
