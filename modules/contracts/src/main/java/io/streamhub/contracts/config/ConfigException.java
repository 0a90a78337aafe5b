package io.streamhub.contracts.config;

/** An invalid configuration value. {@link #key()} is the dotted key that was wrong, e.g. {@code http.port}. */
public final class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String problem) {
    super("invalid configuration: " + key + ": " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
