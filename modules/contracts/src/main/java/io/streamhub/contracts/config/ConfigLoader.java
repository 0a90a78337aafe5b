package io.streamhub.contracts.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds the configuration tree: bundled defaults, then each file in order (deep merge; lists replaced), then
 * {@code STREAMHUB_*} environment variables for keys that exist in the defaults. Pure function of its inputs, so
 * a file watcher can call it again and compare.
 */
public final class ConfigLoader {

  public static final String ENV_PREFIX = "STREAMHUB_";
  private static final String DEFAULTS_RESOURCE = "/io/streamhub/defaults/application.yaml";

  private ConfigLoader() {
  }

  /** The bundled defaults ({@code conf/application.yaml}) as a tree. */
  public static JsonObject defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled defaults " + DEFAULTS_RESOURCE + " are missing from the classpath");
      }
      return parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled defaults");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Defaults, then files, then environment; validated into a record, key files included (blocking). */
  public static StreamhubConfig load(List<Path> files, Map<String, String> env) {
    return checked(StreamhubConfig.fromJson(merged(files, env)));
  }

  /** Defaults with one override tree merged over them: the usual way tests build a config. */
  public static StreamhubConfig withOverrides(JsonObject overrides) {
    return checked(StreamhubConfig.fromJson(merge(defaults(), overrides)));
  }

  private static StreamhubConfig checked(StreamhubConfig config) {
    config.auth().requireReadableKeyFile();
    return config;
  }

  public static JsonObject merged(List<Path> files, Map<String, String> env) {
    JsonObject tree = defaults();
    for (Path file : files) {
      tree = merge(tree, readFile(file));
    }
    return merge(tree, fromEnvironment(tree, env));
  }

  public static JsonObject readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
    }
    return parseYaml(text, file.toString());
  }

  static JsonObject parseYaml(String text, String source) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new ConfigException(source, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null) {
      return new JsonObject();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(source, "the top level must be a mapping of keys");
    }
    return toJsonObject(map);
  }

  /** Deep merge: mappings merge key by key; any other value (lists included) of {@code over} replaces. */
  public static JsonObject merge(JsonObject base, JsonObject over) {
    JsonObject out = base.copy();
    for (String key : over.fieldNames()) {
      Object value = over.getValue(key);
      if (value instanceof JsonObject o && out.getValue(key) instanceof JsonObject b) {
        out.put(key, merge(b, o));
      } else {
        out.put(key, value instanceof JsonObject o ? o.copy() : value);
      }
    }
    return out;
  }

  static JsonObject fromEnvironment(JsonObject tree, Map<String, String> env) {
    JsonObject out = new JsonObject();
    for (String path : leafPaths(tree, "")) {
      String name = ENV_PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      String raw = env.get(name);
      if (raw == null) {
        continue;
      }
      Object value = parseScalar(raw, name);
      String[] parts = path.split("\\.");
      JsonObject node = out;
      for (int i = 0; i < parts.length - 1; i++) {
        if (!(node.getValue(parts[i]) instanceof JsonObject)) {
          node.put(parts[i], new JsonObject());
        }
        node = node.getJsonObject(parts[i]);
      }
      node.put(parts[parts.length - 1], value);
    }
    return out;
  }

  private static Object parseScalar(String raw, String source) {
    if (raw.isEmpty()) {
      return "";
    }
    JsonObject wrapped = parseYaml("v: " + raw, source);
    Object value = wrapped.getValue("v");
    return value == null ? "" : value;
  }

  private static List<String> leafPaths(JsonObject tree, String prefix) {
    List<String> out = new ArrayList<>();
    for (String key : tree.fieldNames()) {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      if (tree.getValue(key) instanceof JsonObject child) {
        out.addAll(leafPaths(child, path));
      } else {
        out.add(path);
      }
    }
    return out;
  }

  private static JsonObject toJsonObject(Map<?, ?> map) {
    JsonObject out = new JsonObject();
    map.forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
    return out;
  }

  private static Object toJson(Object value) {
    if (value instanceof Map<?, ?> m) {
      return toJsonObject(m);
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(v -> array.add(toJson(v)));
      return array;
    }
    if (value instanceof java.util.Date || value instanceof byte[]) {
      return String.valueOf(value);
    }
    return value;
  }
}
