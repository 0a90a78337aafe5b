package io.streamhub.contracts.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The whole node configuration, parsed once from the merged YAML tree (see {@code conf/application.yaml} for every
 * key, its default and whether it is live or restart-only).
 *
 * @param auth token verification, and which roles and connections need a token
 * @param dashboard per-user dashboards
 * @param socketIo the Socket.IO endpoint
 * @param configWatchIntervalMs how often the config files are checked for changes; 0 disables watching
 * @param shutdownTimeoutMs how long a graceful shutdown may take before the process exits anyway
 */
public record StreamhubConfig(HttpConfig http, MongoConfig mongo, ClusterConfig cluster, Set<Role> roles, WsConfig ws,
    RoomsConfig rooms, ReplayConfig replay, PressureConfig pressure, AuthConfig auth, DashboardConfig dashboard,
    SocketIoConfig socketIo, long configWatchIntervalMs, long shutdownTimeoutMs) {

  public StreamhubConfig {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * Parses and validates the merged tree; throws {@link ConfigException} naming the first bad key, or
   * {@code auth.jwt} when a role that verifies tokens has no key (see {@link AuthConfig}). Touches no file: key files
   * are checked by {@link ConfigLoader}.
   */
  public static StreamhubConfig fromJson(JsonObject json) {
    ConfigReader r = ConfigReader.root(json);
    HttpConfig http = HttpConfig.read(r.section("http"));
    MongoConfig mongo = MongoConfig.read(r.section("mongo"));
    ClusterConfig cluster = ClusterConfig.read(r.section("cluster"));
    List<String> roleNames = r.strings("roles");
    if (roleNames.isEmpty()) {
      throw new ConfigException("roles", "must name at least one role");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (int i = 0; i < roleNames.size(); i++) {
      roles.add(Role.parse("roles[" + i + "]", roleNames.get(i)));
    }
    WsConfig ws = WsConfig.read(r.section("ws"));
    RoomsConfig rooms = RoomsConfig.read(r.section("rooms"));
    ReplayConfig replay = ReplayConfig.read(r.section("replay"));
    PressureConfig pressure = PressureConfig.read(r.section("pressure"));
    AuthConfig auth = AuthConfig.read(r.section("auth"));
    DashboardConfig dashboard = DashboardConfig.read(r.section("dashboard"));
    SocketIoConfig socketIo = SocketIoConfig.read(r.section("socketio"));
    ConfigReader config = r.section("config");
    long watch = config.longIn("watch_interval_ms", 0, 3_600_000);
    config.rejectUnknown();
    ConfigReader shutdown = r.section("shutdown");
    long shutdownTimeout = shutdown.longIn("timeout_ms", 100, 600_000);
    shutdown.rejectUnknown();
    r.rejectUnknown();
    auth.requireKeyFor(roles);
    return new StreamhubConfig(http, mongo, cluster, roles, ws, rooms, replay, pressure, auth, dashboard,
        socketIo, watch, shutdownTimeout);
  }

  public JsonObject toJson() {
    JsonArray roleNames = new JsonArray();
    roles.stream().sorted().forEach(role -> roleNames.add(role.configName()));
    return new JsonObject().put("http", http.toJson()).put("mongo", mongo.toJson()).put("cluster", cluster.toJson())
        .put("roles", roleNames).put("ws", ws.toJson()).put("rooms", rooms.toJson())
        .put("replay", replay.toJson()).put("pressure", pressure.toJson()).put("auth", auth.toJson())
        .put("dashboard", dashboard.toJson()).put("socketio", socketIo.toJson())
        .put("config", new JsonObject().put("watch_interval_ms", configWatchIntervalMs))
        .put("shutdown", new JsonObject().put("timeout_ms", shutdownTimeoutMs));
  }
}
