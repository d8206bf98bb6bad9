package io.bhkr.http;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.rules.Resources;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The JSON shapes of api.md and their validation: every bad field is a 400 naming the field. */
final class Wire {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  /** Every id the API takes (server-made, a node's, an address): short, and safe in a path and a log line. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  private Wire() {}

  /** {"asset": "BHKR" | "ETH" | "AETH", "amount": "<base units>"} */
  record AmountJson(String asset, String amount) {
    Amount toAmount(String field) {
      Asset a;
      try {
        a = Asset.parse(asset);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(at(field, "asset"), e.getMessage());
      }
      try {
        return Amount.parse(a, amount);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(at(field, "amount"), e.getMessage());
      }
    }

    Amount positive(String field) {
      Amount value = toAmount(field);
      if (value.isZero()) throw ApiException.invalid(at(field, "amount"), "must be more than zero");
      return value;
    }

    Amount positiveIn(Asset required, String field) {
      Amount value = positive(field);
      if (value.asset() != required) throw ApiException.invalid(at(field, "asset"), "must be " + required);
      return value;
    }
  }

  record CapacityJson(Long cpuGhz, Long ramGb, Long storageGb, Long bandwidthMbps) {
    Resources toResources(String field) {
      return new Resources(count(cpuGhz, field + ".cpuGhz"), count(ramGb, field + ".ramGb"),
          count(storageGb, field + ".storageGb"), count(bandwidthMbps == null ? 0L : bandwidthMbps, field + ".bandwidthMbps"));
    }

    private static long count(Long value, String field) {
      if (value == null) throw ApiException.invalid(field, "is missing");
      if (value < 0) throw ApiException.invalid(field, "must not be negative");
      if (value > 1_000_000) throw ApiException.invalid(field, "is absurdly large");
      return value;
    }
  }

  /** A field's name inside an object, or the bare name at the top level (object {@code null}). */
  static String at(String object, String field) {
    return object == null ? field : object + "." + field;
  }

  static <T> T required(T value, String field) {
    if (value == null) throw ApiException.invalid(field, "is missing");
    return value;
  }

  /** An id: 1 to 80 characters of [A-Za-z0-9_-]; anything else is refused at once, before an entity is asked. */
  static String id(String value, String field) {
    if (value == null) throw ApiException.invalid(field, "is missing");
    if (!ID.matcher(value).matches()) throw ApiException.invalid(field, "must be 1 to 80 characters of [A-Za-z0-9_-]");
    return value;
  }

  /**
   * A human text: 1 to {@code maxCodePoints} characters counted as Unicode code points (an emoji is
   * one), not blank, and free of control characters and lone surrogates, which would corrupt logs,
   * terminals and the JSON other clients read back.
   */
  static String text(String value, String field, int maxCodePoints) {
    if (value == null) throw ApiException.invalid(field, "is missing");
    if (value.isBlank()) throw ApiException.invalid(field, "must not be blank");
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (Character.getType(c) == Character.CONTROL) throw ApiException.invalid(field, "must not contain control characters");
      if (Character.getType(c) == Character.SURROGATE) throw ApiException.invalid(field, "must be valid Unicode (a lone surrogate)");
      count++;
      i += Character.charCount(c);
    }
    if (count > maxCodePoints) throw ApiException.invalid(field, "must be at most " + maxCodePoints + " characters");
    return value;
  }

  /** A participant's address, normalised to lowercase. */
  static String address(String value, String field) {
    if (value == null || !ADDRESS.matcher(value).matches())
      throw ApiException.invalid(field, "must be an Ethereum address: 0x and 40 hex digits");
    return value.toLowerCase();
  }

  /** A past instant as ISO-8601 (2026-12-02T18:58:50Z) or Unix seconds; Unix milliseconds returned. */
  static long instant(String value, String field) {
    try {
      if (value != null && value.matches("\\d{1,12}")) return Long.parseLong(value) * 1000;
      return java.time.Instant.parse(value).toEpochMilli();
    } catch (RuntimeException e) {
      throw ApiException.invalid(field, "must be a time: ISO-8601 like 2026-12-02T18:58:50Z, or Unix seconds");
    }
  }

  static Map<String, String> amount(Amount a) {
    if (a == null) return null;
    Map<String, String> m = new LinkedHashMap<>();
    m.put("asset", a.asset().name());
    m.put("amount", a.amount().toString());
    return m;
  }

  static Map<String, String> balances(Balances b) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Asset a : Asset.values()) m.put(a.name(), b.of(a).amount().toString());
    return m;
  }

  static Map<String, String> perAsset(Map<Asset, BigInteger> values) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Asset a : Asset.values()) m.put(a.name(), values.getOrDefault(a, BigInteger.ZERO).toString());
    return m;
  }

  static Map<String, Long> resources(Resources r) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("cpuGhz", r.cpuGhz());
    m.put("ramGb", r.ramGb());
    m.put("storageGb", r.storageGb());
    m.put("bandwidthMbps", r.bandwidthMbps());
    return m;
  }
}
