package io.bhkr.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A SET_PARAMETER decision as a pure function: the parameters in force and {@code name = value}
 * give the new parameters, or an {@link IllegalArgumentException} saying why not. It works on the
 * parameters' JSON form, so every parameter (and any added later) can be set by name without a
 * list to keep in step: a top-level name ({@code rpBps}), a unique nested one
 * ({@code trustedScore}, {@code governorMinStake}) or a dotted path ({@code reputation.trustedScore});
 * a whole group ({@code rewardSplit}, {@code pricing}) takes an object. The records' own
 * constructors then validate, and a rate in basis points must be within 0..10_000.
 */
public final class ParameterChange {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ParameterChange() {}

  /** The parameters after setting {@code name} to {@code value} (JSON text: a number, a string or an object). */
  public static Parameters apply(Parameters in, String name, String value) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name is missing");
    JsonNode newValue;
    try {
      newValue = JSON.readTree(value == null ? "null" : value);
    } catch (Exception e) {
      throw new IllegalArgumentException("value is not JSON: " + value);
    }
    if (newValue == null || newValue.isNull()) throw new IllegalArgumentException("value is missing");
    ObjectNode tree = JSON.valueToTree(in);
    List<String> path = locate(tree, name);
    ObjectNode parent = tree;
    for (String step : path.subList(0, path.size() - 1)) parent = (ObjectNode) parent.get(step);
    String field = path.get(path.size() - 1);
    JsonNode old = parent.get(field);
    parent.set(field, shaped(old, newValue, name));
    if (field.endsWith("Bps") && !within(parent.get(field), 0, 10_000))
      throw new IllegalArgumentException(name + " is a rate in basis points: 0..10000");
    for (Map.Entry<String, JsonNode> e : iterable(parent.fields()))
      if (e.getKey().endsWith("Bps") && e.getValue().isNumber() && !within(e.getValue(), 0, 10_000))
        throw new IllegalArgumentException(e.getKey() + " is a rate in basis points: 0..10000");
    if (parent.get(field).isObject()) for (Map.Entry<String, JsonNode> e : iterable(parent.get(field).fields()))
      if (e.getKey().endsWith("Bps") && !within(e.getValue(), 0, 10_000))
        throw new IllegalArgumentException(name + "." + e.getKey() + " is a rate in basis points: 0..10000");
    try {
      return JSON.treeToValue(tree, Parameters.class);
    } catch (Exception e) {
      Throwable cause = e;
      while (cause.getCause() != null) cause = cause.getCause();
      throw new IllegalArgumentException(name + ": " + cause.getMessage());
    }
  }

  /** The path to a parameter: a dotted path as given, else the top-level field, else the one nested field of that name. */
  static List<String> locate(ObjectNode tree, String name) {
    if (name.contains(".")) {
      JsonNode at = tree;
      for (String step : name.split("\\.")) {
        if (!at.isObject() || !at.has(step)) throw new IllegalArgumentException("no parameter " + name);
        at = at.get(step);
      }
      return List.of(name.split("\\."));
    }
    if (tree.has(name)) return List.of(name);
    if (tree.has(name + "Seconds")) return List.of(name + "Seconds"); // the spec's "bidWindow", "epoch"
    List<List<String>> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> group : iterable(tree.fields()))
      if (group.getValue().isObject() && group.getValue().has(name) && !isAmount(group.getValue()))
        found.add(List.of(group.getKey(), name));
    if (found.size() == 1) return found.get(0);
    if (found.isEmpty()) throw new IllegalArgumentException("no parameter " + name);
    throw new IllegalArgumentException(name + " is ambiguous: name it with its group, e.g. " + String.join(".", found.get(0)));
  }

  /** An amount parameter keeps its asset: a bare decimal string (or an {asset, amount} object) sets the base units. */
  private static JsonNode shaped(JsonNode old, JsonNode value, String name) {
    if (old != null && isAmount(old)) {
      ObjectNode amount = ((ObjectNode) old).deepCopy();
      JsonNode units = value.isObject() ? value.get("amount") : value;
      if (value.isObject() && value.has("asset") && !value.get("asset").equals(old.get("asset")))
        throw new IllegalArgumentException(name + " is in " + old.get("asset").asText());
      if (units == null || !units.isTextual() || !units.asText().matches("[0-9]{1,60}"))
        throw new IllegalArgumentException(name + " takes base units as a decimal string");
      amount.set("amount", new TextNode(units.asText()));
      return amount;
    }
    if (old != null && old.isObject() && !value.isObject()) throw new IllegalArgumentException(name + " takes an object");
    if (old != null && old.isObject()) {
      ObjectNode merged = ((ObjectNode) old).deepCopy();
      for (Map.Entry<String, JsonNode> e : iterable(value.fields())) {
        String key = member(merged, e.getKey());
        if (key == null) throw new IllegalArgumentException("no parameter " + name + "." + e.getKey());
        merged.set(key, e.getValue());
      }
      return merged;
    }
    if (old != null && old.isNumber() && !(value.isIntegralNumber() || value.isTextual() && value.asText().matches("-?[0-9]{1,60}")))
      throw new IllegalArgumentException(name + " takes an integer");
    if (old != null && old.isNumber() && value.isTextual()) return JSON.getNodeFactory().numberNode(new java.math.BigInteger(value.asText()));
    return value;
  }

  /** A group's member by its field name or the spec's short name: governors(Bps), dev, cpu(MicroUsd), bw. */
  private static String member(ObjectNode group, String key) {
    for (String candidate : List.of(key, key + "Bps", key + "MicroUsd", key + "Seconds",
        key.equals("dev") ? "developmentBps" : key, key.equals("bw") ? "bandwidthMicroUsd" : key))
      if (group.has(candidate)) return candidate;
    return null;
  }

  private static boolean isAmount(JsonNode node) {
    return node.isObject() && node.size() == 2 && node.has("asset") && node.has("amount");
  }

  private static boolean within(JsonNode n, long min, long max) {
    return n.isIntegralNumber() && n.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(min)) >= 0
        && n.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(max)) <= 0;
  }

  private static <T> Iterable<T> iterable(Iterator<T> it) {
    return () -> it;
  }
}
