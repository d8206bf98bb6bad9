package io.bhkr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one parser configuration of the API, class by class of malformed body (issue 13). */
class JsonTest {

  record Inner(String asset, String amount) {}

  record Outer(String name, Inner amount, List<Inner> legs, Map<String, String> losses) {}

  private static ApiException refused(String body) {
    return refused(body.getBytes(StandardCharsets.UTF_8));
  }

  private static ApiException refused(byte[] body) {
    return assertThrows(ApiException.class, () -> Json.read(body, Outer.class));
  }

  private static void assertRefused(String type, String field, ApiException e) {
    assertEquals(400, e.status());
    assertEquals(type, e.type(), e.getMessage());
    assertEquals(field, e.errors().get(0).field(), e.getMessage());
  }

  @Test
  void readsAWellFormedBody() {
    Outer o = Json.read("{\"name\":\"x\",\"amount\":{\"asset\":\"BHKR\",\"amount\":\"1\"},\"legs\":[],\"losses\":{}}"
        .getBytes(StandardCharsets.UTF_8), Outer.class);
    assertEquals("BHKR", o.amount().asset());
  }

  @Test
  void refusesAnythingAfterTheValue() {
    assertRefused("malformed-json", "body", refused("{} {}"));
    assertRefused("malformed-json", "body", refused("{}]"));
    assertRefused("malformed-json", "body", refused("{}x"));
    assertRefused("malformed-json", "body", refused("{} null"));
  }

  @Test
  void refusesAByteOrderMarkAndWhatIsNotUtf8() {
    assertRefused("malformed-json", "body", refused("\uFEFF{}"));
    assertRefused("malformed-json", "body", refused(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'})); // UTF-16 with its mark
    assertRefused("malformed-json", "body", refused(new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '"', '}'}));
  }

  @Test
  void refusesAKeyTwiceAtAnyDepthNamingIt() {
    assertRefused("malformed-json", "name", refused("{\"name\":\"a\",\"name\":\"b\"}"));
    assertRefused("malformed-json", "amount.asset", refused("{\"amount\":{\"asset\":\"BHKR\",\"asset\":\"ETH\"}}"));
    assertRefused("malformed-json", "legs.1.amount", refused("{\"legs\":[{},{\"amount\":\"1\",\"amount\":\"2\"}]}"));
    assertRefused("malformed-json", "losses.0xabc", refused("{\"losses\":{\"0xabc\":\"1\",\"0xabc\":\"2\"}}"));
  }

  @Test
  void refusesUnknownFieldsNamingTheirPath() {
    assertRefused("validation", "extra", refused("{\"extra\":1}"));
    assertRefused("validation", "amount.extra", refused("{\"amount\":{\"extra\":1}}"));
  }

  @Test
  void refusesNoBodyANullBodyAndDeepNesting() {
    assertRefused("malformed-json", "body", refused(""));
    assertRefused("malformed-json", "body", refused("null"));
    ApiException deep = refused("[".repeat(40) + "]".repeat(40));
    assertEquals(400, deep.status());
    assertEquals("body", deep.errors().get(0).field());
  }

  @Test
  void anEmptyBodyReadsAsNoFieldsWhereAllAreOptional() {
    assertEquals(new Json.NoFields(), Json.readOrEmpty(new byte[0], Json.NoFields.class));
    assertThrows(ApiException.class, () -> Json.readOrEmpty("{\"x\":1}".getBytes(StandardCharsets.UTF_8), Json.NoFields.class));
  }
}
