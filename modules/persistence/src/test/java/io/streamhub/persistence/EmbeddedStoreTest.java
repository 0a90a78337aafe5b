package io.streamhub.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("EmbeddedStore")
class EmbeddedStoreTest {

  private static final int DUPLICATE_KEY = 11000;

  private final List<EmbeddedStore> stores = new CopyOnWriteArrayList<>();

  @TempDir
  Path tempDir;

  @AfterEach
  void closeStores() {
    stores.forEach(EmbeddedStore::close);
  }

  private EmbeddedStore start(String dataDir) {
    EmbeddedStore store = EmbeddedStore.start("127.0.0.1", 0, dataDir);
    stores.add(store);
    return store;
  }

  private static MongoClient client(Vertx vertx, EmbeddedStore store) {
    return MongoClient.create(vertx, new JsonObject().put("connection_string", store.connectionString()).put("db_name", "test"));
  }

  @Test
  @DisplayName("in memory, listens on a free port and a Vert.x Mongo client can insert a document and find it again")
  void insertsAndFindsInMemory(Vertx vertx, VertxTestContext ctx) {
    EmbeddedStore store = start("");
    assertThat(store.port()).isPositive();
    assertThat(store.connectionString()).isEqualTo("mongodb://127.0.0.1:" + store.port());
    MongoClient client = client(vertx, store);

    client.insert("rooms", new JsonObject().put("_id", "lobby").put("seq", 3))
        .compose(id -> client.findOne("rooms", new JsonObject().put("_id", "lobby"), null))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.getLong("seq")).isEqualTo(3L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a unique index rejects a duplicate with MongoDB error code 11000")
  void uniqueIndexRejectsDuplicate(Vertx vertx, VertxTestContext ctx) {
    MongoClient client = client(vertx, start(""));
    JsonObject user = new JsonObject().put("email", "ada@example.com");

    client.createIndexWithOptions("users", new JsonObject().put("email", 1), new IndexOptions().unique(true))
        .compose(created -> client.insert("users", user.copy()))
        .compose(id -> client.insert("users", user.copy()))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(MongoException.class);
          assertThat(((MongoException) failure).getCode()).isEqualTo(DUPLICATE_KEY);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("with a data dir, an acknowledged write is committed to the file and is still there after a restart")
  void dataDirSurvivesRestart(Vertx vertx, VertxTestContext ctx) {
    String dataDir = tempDir.resolve("not-yet/created").toString();
    EmbeddedStore first = start(dataDir);
    MongoClient writer = client(vertx, first);

    writer.insert("streams", new JsonObject().put("_id", "s1").put("rows", 42))
        .compose(id -> {
          assertThat(first.hasUncommittedChanges()).as("uncommitted changes after an acknowledged write").isFalse();
          assertThat(tempDir.resolve("not-yet/created").resolve(EmbeddedStore.DATA_FILE_NAME)).isRegularFile();
          return writer.close();
        })
        .compose(closed -> vertx.executeBlocking(() -> {
          first.close();
          return start(dataDir);
        }))
        .compose(second -> client(vertx, second).findOne("streams", new JsonObject().put("_id", "s1"), null))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).isNotNull();
          assertThat(found.getInteger("rows")).isEqualTo(42);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a second store on a data dir in use fails with a message naming the data file")
  void dataDirInUseIsRefused() {
    String dataDir = tempDir.toString();
    start(dataDir);

    assertThatThrownBy(() -> start(dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(EmbeddedStore.DATA_FILE_NAME);
  }

  @Test
  @DisplayName("a port already in use fails with a message naming the address")
  void portInUseIsRefused() {
    EmbeddedStore first = start("");

    assertThatThrownBy(() -> stores.add(EmbeddedStore.start("127.0.0.1", first.port(), "")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + first.port());
  }

  @Test
  @DisplayName("closing twice is harmless")
  void closeIsIdempotent() {
    EmbeddedStore store = start("");
    store.close();
    store.close();
  }
}
