package io.bhkr.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The API's JSON, one configuration for every endpoint: strict on input, plain on output.
 *
 * <p>A request body is exactly one JSON value in UTF-8: no byte-order mark, nothing after the
 * value, no key twice in one object (at any depth), no field the endpoint does not define, no 4.5
 * silently read as 4, no number where a decimal string is expected. Two parsers that disagree on
 * such a body (first key wins here, last key wins there) would let a signed body mean two things.
 */
public final class Json {

  /** Deeper than any request shape of the API; bounds the parser's work on hostile input. */
  private static final int MAX_DEPTH = 16;

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    MAPPER.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
  }

  /** The body of an endpoint that takes no fields: {@code {}}. */
  public record NoFields() {}

  private Json() {}

  /** Reads a request body, or refuses it with a 400 naming the field at fault. */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body.length == 0) throw ApiException.malformed("body", "the request needs a JSON body");
    String text = utf8(body);
    if (text.startsWith("\uFEFF")) throw ApiException.malformed("body", "starts with a byte-order mark; send plain UTF-8");
    try {
      T value = MAPPER.readValue(text, type);
      if (value == null) throw ApiException.malformed("body", "must be a JSON object");
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.invalid(pathOf(e), "unknown field");
    } catch (MismatchedInputException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Trailing token"))
        throw ApiException.malformed("body", "has data after its JSON value");
      String field = e.getPath().isEmpty() ? "body" : pathOf(e);
      throw ApiException.invalid(field, "has the wrong type or is missing");
    } catch (JsonProcessingException e) {
      String duplicated = duplicatedKey(e);
      if (duplicated != null) throw ApiException.malformed(duplicated, "appears more than once");
      throw ApiException.malformed("body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.malformed("body", "could not be read");
    }
  }

  /** An endpoint that takes no fields may also be sent no body at all. */
  public static <T> T readOrEmpty(byte[] body, Class<T> type) {
    return read(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type);
  }

  /** Strict UTF-8: a malformed byte sequence is refused, not replaced by U+FFFD. */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.malformed("body", "is not UTF-8");
    }
  }

  private static String pathOf(MismatchedInputException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (sb.length() > 0) sb.append('.');
      sb.append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
    }
    return sb.toString();
  }

  /**
   * The path of the key a body repeats, or null if {@code e} is about something else. The parser
   * refuses the repeat; inside a nested object the refusal reaches us wrapped by the databinding.
   */
  private static String duplicatedKey(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read && read.getProcessor() != null
          && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field"))
        return pathOf(read.getProcessor().getParsingContext());
    }
    return null;
  }

  /** Where the parser stands, as {@code a.b.0.c}: the duplicated key is the innermost name. */
  private static String pathOf(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) parts.addFirst(c.getCurrentName());
      else if (c.inArray()) parts.addFirst(String.valueOf(Math.max(c.getCurrentIndex(), 0)));
    }
    return parts.isEmpty() ? "body" : String.join(".", parts);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
    }
  }

  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }
}
