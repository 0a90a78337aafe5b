package io.streamhub.contracts.config;

import io.vertx.core.json.JsonObject;

/**
 * The MongoDB store. Restart-only.
 *
 * @param connectionString MongoDB connection string; empty starts the embedded MongoDB-wire server in-process
 * @param database database name
 * @param embeddedHost interface the embedded store binds (loopback by default)
 * @param embeddedPort port of the embedded store; 0 picks a free one
 * @param embeddedDataDir empty keeps the embedded store in memory; a directory makes it durable (H2 backend)
 */
public record MongoConfig(String connectionString, String database, String embeddedHost, int embeddedPort,
    String embeddedDataDir) {

  public boolean embedded() {
    return connectionString.isBlank();
  }

  static MongoConfig read(ConfigReader r) {
    String connectionString = r.string("connection_string");
    String database = r.string("database");
    if (database.isBlank()) {
      throw new ConfigException(r.key("database"), "must not be empty");
    }
    ConfigReader e = r.section("embedded");
    MongoConfig c = new MongoConfig(connectionString, database, e.string("host"), e.port("port", true), e.string("data_dir"));
    e.rejectUnknown();
    r.rejectUnknown();
    return c;
  }

  JsonObject toJson() {
    return new JsonObject().put("connection_string", connectionString).put("database", database)
        .put("embedded", new JsonObject().put("host", embeddedHost).put("port", embeddedPort).put("data_dir", embeddedDataDir));
  }
}
