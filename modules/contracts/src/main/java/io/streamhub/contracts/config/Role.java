package io.streamhub.contracts.config;

import java.util.Locale;

/** The runtime roles a node can take; each is one module with its own verticle. */
public enum Role {
  INGRESS, REPLAY, STATS, PERSISTENCE, DASHBOARD;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Role parse(String key, String value) {
    for (Role role : values()) {
      if (role.configName().equals(value)) {
        return role;
      }
    }
    throw new ConfigException(key, "unknown role \"" + value + "\"; expected one of ingress, replay, stats, persistence, dashboard");
  }
}
