package io.bhkr.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;

/** The test resources' copy of the economics spec's worked examples, and how its values read. */
final class EconomicsVectors {

  private EconomicsVectors() {}

  static JsonNode load() {
    try (InputStream in = EconomicsVectors.class.getResourceAsStream("/vectors/economics-vectors.json")) {
      if (in == null) throw new IllegalStateException("vectors/economics-vectors.json is not on the test classpath");
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {"asset": "BHKR", "amount": "<base units>"} */
  static Amount amount(JsonNode node) {
    return Amount.parse(Asset.parse(node.get("asset").asText()), node.get("amount").asText());
  }

  /** A base-unit integer written as a string. */
  static BigInteger integer(JsonNode node) {
    return new BigInteger(node.asText());
  }
}
