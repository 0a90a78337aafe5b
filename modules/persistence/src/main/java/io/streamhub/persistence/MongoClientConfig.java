package io.streamhub.persistence;

import com.mongodb.ConnectionString;
import io.vertx.core.json.JsonObject;

/**
 * Builds the Vert.x Mongo client configuration from a connection string and a database name.
 *
 * <p>The MongoDB driver waits 30 s for a server by default and never times out a socket read, so a store that is
 * down or hung would hang every request. Unless the connection string sets them itself ({@code
 * serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}, which then win), these timeouts
 * are used: {@value #SERVER_SELECTION_TIMEOUT_MS} ms to find a server, {@value #CONNECT_TIMEOUT_MS} ms to open a
 * connection and {@value #SOCKET_TIMEOUT_MS} ms for an answer.
 */
final class MongoClientConfig {

  static final int SERVER_SELECTION_TIMEOUT_MS = 3_000;
  static final int CONNECT_TIMEOUT_MS = 3_000;
  static final int SOCKET_TIMEOUT_MS = 10_000;

  private MongoClientConfig() {
  }

  /**
   * The client configuration for {@code io.vertx.ext.mongo.MongoClient}.
   *
   * @throws IllegalArgumentException when the connection string is not a valid MongoDB URI
   */
  static JsonObject of(String connectionString, String database) {
    ConnectionString parsed = parse(connectionString);
    JsonObject json = new JsonObject().put("connection_string", connectionString).put("db_name", database);
    if (parsed.getServerSelectionTimeout() == null) {
      json.put("serverSelectionTimeoutMS", SERVER_SELECTION_TIMEOUT_MS);
    }
    if (parsed.getConnectTimeout() == null) {
      json.put("connectTimeoutMS", CONNECT_TIMEOUT_MS);
    }
    if (parsed.getSocketTimeout() == null) {
      json.put("socketTimeoutMS", SOCKET_TIMEOUT_MS);
    }
    return json;
  }

  /** The hosts of a connection string, e.g. {@code db1:27017,db2:27017}: names the store without credentials. */
  static String hosts(String connectionString) {
    return String.join(",", parse(connectionString).getHosts());
  }

  private static ConnectionString parse(String connectionString) {
    try {
      return new ConnectionString(connectionString);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("mongo.connection_string is not a valid MongoDB connection string: " + e.getMessage(), e);
    }
  }
}
