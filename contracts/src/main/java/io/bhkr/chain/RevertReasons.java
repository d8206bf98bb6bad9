package io.bhkr.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.bytes.Hex;
import io.bhkr.rules.Keccak256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;

/**
 * Names the reason in a revert's data: our contracts' custom errors (and OpenZeppelin's, such as
 * {@code ERC20InsufficientBalance}) read from the ABIs the build puts beside the wrappers, plus
 * Solidity's {@code Error(string)} and {@code Panic(uint256)}. A person sees
 * {@code NotSignedByAccount()} instead of a selector.
 */
public final class RevertReasons {

  private static final String[] CONTRACTS = {"BhkrToken", "CustodyVault", "Registry", "SettlementAnchor", "MicroPool"};
  private static final String ERROR_STRING = "08c379a0";
  private static final String PANIC = "4e487b71";

  /** One error of an ABI: its name, its inputs' names and Solidity types. */
  private record Error(String name, List<String> names, List<String> types) {}

  private static final Map<String, Error> BY_SELECTOR = load();

  private RevertReasons() {}

  /** The reason in {@code data} (0x-hex of a revert), or the data itself if no known error starts it. */
  public static String describe(String data) {
    if (data == null) return "no reason given";
    String bare = data.strip();
    // Web3j hands over the error's data as JSON text: a hex string keeps its quotes
    if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) bare = bare.substring(1, bare.length() - 1);
    String hex = bare.startsWith("0x") ? bare.substring(2) : bare;
    if (hex.isEmpty()) return "no reason given";
    if (hex.length() < 8) return "0x" + hex;
    String selector = hex.substring(0, 8).toLowerCase();
    String args = "0x" + hex.substring(8);
    try {
      if (selector.equals(ERROR_STRING)) return decode(args, List.of("string")).get(0).getValue().toString();
      if (selector.equals(PANIC)) return "panic 0x" + ((java.math.BigInteger) decode(args, List.of("uint256")).get(0).getValue()).toString(16);
      Error e = BY_SELECTOR.get(selector);
      if (e == null) return "0x" + hex;
      List<Type> values = decode(args, e.types());
      StringJoiner out = new StringJoiner(", ", e.name() + "(", ")");
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i).getValue();
        String shown = v instanceof byte[] b ? Hex.encode(b) : v.toString();
        out.add(e.names().get(i).isEmpty() ? shown : e.names().get(i) + " " + shown);
      }
      return out.toString();
    } catch (RuntimeException | ClassNotFoundException notDecodable) {
      return "0x" + hex; // not what its selector promised: show the data as it came
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type> decode(String args, List<String> types) throws ClassNotFoundException {
    List<TypeReference<Type>> refs = new ArrayList<>();
    for (String t : types) refs.add((TypeReference) TypeReference.makeTypeReference(t));
    List<Type> values = FunctionReturnDecoder.decode(args, refs);
    if (values.size() != types.size()) throw new IllegalArgumentException("too short for " + types);
    return values;
  }

  private static Map<String, Error> load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Error> errors = new HashMap<>();
    for (String contract : CONTRACTS) {
      try (InputStream in = RevertReasons.class.getResourceAsStream("abi/" + contract + ".abi")) {
        if (in == null) throw new IllegalStateException("the build left out the ABI of " + contract);
        for (JsonNode item : json.readTree(in)) {
          if (!"error".equals(item.path("type").asText())) continue;
          List<String> names = new ArrayList<>();
          List<String> types = new ArrayList<>();
          item.path("inputs").forEach(i -> {
            names.add(i.path("name").asText());
            types.add(i.path("type").asText());
          });
          String signature = item.get("name").asText() + "(" + String.join(",", types) + ")";
          String selector = Hex.encode(Keccak256.hash(signature.getBytes(StandardCharsets.UTF_8))).substring(2, 10);
          errors.put(selector, new Error(item.get("name").asText(), names, types));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the ABI of " + contract, e);
      }
    }
    return Map.copyOf(errors);
  }
}
