package io.streamhub.ingress.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses inbound protocol text into Vert.x JSON values, as {@code io.vertx.core.json.Json.decodeValue} does (same
 * types: objects, arrays, strings, booleans, null; integers as Integer, Long or BigInteger; other numbers as Double;
 * comments allowed; trailing tokens refused), but reading fractional numbers straight from the parser's buffer with
 * Jackson's fast double parser. A pressure frame is mostly such numbers, and the default path builds a String and a
 * FloatingDecimal for each of them.
 */
public final class JsonText {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .build();

  private JsonText() {
  }

  /**
   * @return a {@link JsonObject}, {@link JsonArray}, String, Number, Boolean or null
   * @throws DecodeException with the parser's message when the text is not one JSON value
   */
  public static Object parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      parser.nextToken();
      Object value = wrap(parseAny(parser));
      if (parser.nextToken() != null) {
        throw new DecodeException("Unexpected trailing token");
      }
      return value;
    } catch (IOException e) {
      throw new DecodeException(e.getMessage(), e);
    }
  }

  private static Object wrap(Object value) {
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return new JsonObject(object);
    }
    if (value instanceof List<?> list) {
      return new JsonArray(list);
    }
    return value;
  }

  private static Object parseAny(JsonParser parser) throws IOException {
    return switch (parser.currentTokenId()) {
      case JsonTokenId.ID_START_OBJECT -> parseObject(parser);
      case JsonTokenId.ID_START_ARRAY -> parseArray(parser);
      case JsonTokenId.ID_STRING -> parser.getText();
      case JsonTokenId.ID_NUMBER_FLOAT -> parser.getDoubleValue();
      case JsonTokenId.ID_NUMBER_INT -> parser.getNumberValue();
      case JsonTokenId.ID_TRUE -> Boolean.TRUE;
      case JsonTokenId.ID_FALSE -> Boolean.FALSE;
      case JsonTokenId.ID_NULL -> null;
      default -> throw new DecodeException("Unexpected token");
    };
  }

  private static Map<String, Object> parseObject(JsonParser parser) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      parser.nextToken();
      object.put(key, parseAny(parser));
    }
    return object;
  }

  private static List<Object> parseArray(JsonParser parser) throws IOException {
    List<Object> array = new ArrayList<>();
    while (parser.nextToken() != null && parser.currentTokenId() != JsonTokenId.ID_END_ARRAY) {
      array.add(parseAny(parser));
    }
    return array;
  }
}
