package io.bhkr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Ids and texts as the API takes them (issue 13): refused at once, lengths in code points. */
class WireTest {

  @Test
  void idsAreShortAndPlain() {
    assertEquals("project-0123456789abcdef", Wire.id("project-0123456789abcdef", "projectId"));
    assertEquals("x".repeat(80), Wire.id("x".repeat(80), "id"));
    for (String bad : new String[] {null, "", "x".repeat(81), "a b", "a/b", "a%2Fb", "é", "a\nb", "..", "a.b"})
      assertEquals("quoteId", assertThrows(ApiException.class, () -> Wire.id(bad, "quoteId")).errors().get(0).field());
  }

  @Test
  void textsCountCodePointsAndRefuseControlCharacters() {
    assertEquals(100, Wire.text("\uD83D\uDE80".repeat(100), "brandName", 100).codePointCount(0, 200));
    for (String bad : new String[] {null, "", "   ", "x".repeat(101), "a\u0000b", "tab\there", "line\nbreak", "del\u007f",
        "c1\u0085", "half \uD83D moon", "\uDE80 low"})
      assertEquals(400, assertThrows(ApiException.class, () -> Wire.text(bad, "brandName", 100)).status(), String.valueOf(bad));
  }
}
