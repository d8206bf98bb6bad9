package io.bhkr.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bhkr.rules.Keccak256;
import java.nio.charset.StandardCharsets;

/**
 * JSON with sorted keys and no whitespace (amounts as the decimal strings the journal holds): the
 * same value always gives the same bytes, so its keccak256 can be recomputed by anyone holding it.
 */
final class CanonicalJson {

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private CanonicalJson() {}

  static String of(Object value) {
    try {
      return CANONICAL.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(value.getClass().getSimpleName() + " is not serializable", e);
    }
  }

  static byte[] keccak(Object value) {
    return Keccak256.hash(of(value).getBytes(StandardCharsets.UTF_8));
  }
}
