package io.bhkr.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code call}: one signed request to a node, so a person can drive the API without curl and
 * without computing signatures: {@code call --as 0 POST /api/v1/dev/deposits '{…}'}.
 */
final class CallCommand {

  /**
   * What to send; {@code key} is null for an unsigned request, {@code body} null for none, and
   * {@code field} null to print the whole answer rather than one of its fields.
   */
  record Request(URI api, Credentials key, String method, String path, String body, String field) {
    Request(URI api, Credentials key, String method, String path, String body) {
      this(api, key, method, path, body, null);
    }
  }

  static final String DEFAULT_API = "http://127.0.0.1:8080";
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
  private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
  // Floats as BigDecimal so that pretty-printing never changes a number the node sent.
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CallCommand() {}

  /**
   * The request from call's options and words: {@code as} and {@code key} are the keys of --as and
   * --key (at most one of them), {@code words} METHOD PATH [JSON-BODY].
   */
  static Request request(URI api, Credentials as, Credentials key, String field, List<String> words) {
    if (as != null && key != null) throw new UsageError("give only one of --as and --key");
    if (words == null || words.size() < 2 || words.size() > 3)
      throw new UsageError("call needs METHOD PATH [JSON-BODY], e.g. call GET /health");
    String method = words.get(0).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) throw new UsageError("unknown HTTP method '" + words.get(0) + "'");
    String path = words.get(1);
    if (!path.startsWith("/")) throw new UsageError("PATH must start with /, e.g. /api/v1/accounts/0x…");
    String body = words.size() == 3 ? words.get(2) : null;
    if (body != null && method.equals("GET")) throw new UsageError("a GET takes no body");
    return new Request(api, as != null ? as : key, method, path, body, field);
  }

  /** --field: a field of the answer, dotted for a nested one. */
  static final class Field implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!FIELD.matcher(value).matches())
        throw new TypeConversionException("needs a field name of the answer, e.g. projectId or auction.seed, not '" + value + "'");
      return value;
    }
  }

  /** Sends the request, prints {@code HTTP <status>} and the answer; 0 for a 2xx, 1 otherwise. */
  static int call(Request request, PrintStream out, PrintStream err) {
    if (request.key() == null && !request.method().equals("GET"))
      err.println("note: sending an unsigned " + request.method() + "; writes need --as N or --key 0x…");
    SignedClient.Response response;
    try {
      response = new SignedClient(request.api(), request.key())
          .send(request.method(), request.path(), request.body(), Map.of());
    } catch (UncheckedIOException e) {
      err.println("no answer from " + request.api() + ": " + describe(e));
      return 1;
    }
    boolean ok = response.status() >= 200 && response.status() < 300;
    if (request.field() != null) return printField(request.field(), response, ok, out, err);
    out.println("HTTP " + response.status());
    if (response.body() != null && !response.body().isEmpty()) out.println(pretty(response.body()));
    return ok ? 0 : 1;
  }

  /**
   * With {@code --field}: only that field of a 2xx answer on standard output (a text without its
   * quotes), so a shell can keep it, {@code Q=$(bhkr call --field quoteId POST …)}; any other
   * answer goes whole to standard error, and the exit code says it failed.
   */
  private static int printField(String field, SignedClient.Response response, boolean ok, PrintStream out, PrintStream err) {
    String body = response.body() == null ? "" : response.body();
    if (!ok) {
      err.println("HTTP " + response.status());
      if (!body.isEmpty()) err.println(pretty(body));
      return 1;
    }
    com.fasterxml.jackson.databind.JsonNode value;
    try {
      value = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      value = null;
    }
    for (String name : field.split("\\.")) value = value == null ? null : value.get(name);
    if (value == null || value.isNull() || value.isMissingNode()) {
      err.println("HTTP " + response.status() + ", but the answer has no field " + field + ":");
      err.println(pretty(body));
      return 1;
    }
    out.println(value.isTextual() ? value.asText() : value.toString());
    return 0;
  }

  private static String pretty(String body) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      return body; // not JSON (e.g. a plain-text error of the HTTP layer): show it as it came
    }
  }

  /** The JDK client wraps a refused connection in message-less exceptions: say it plainly. */
  static String describe(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause())
      if (t instanceof ConnectException) return "connection refused (is a node running there?)";
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** --as N: development account N's key. */
  static final class DevelopmentKey implements ITypeConverter<Credentials> {
    @Override
    public Credentials convert(String value) {
      return DevelopmentAccounts.credentials(new Converters.DevAccount().convert(value));
    }
  }

  /** --key 0x…: a private key of 64 hex digits. */
  static final class PrivateKey implements ITypeConverter<Credentials> {
    @Override
    public Credentials convert(String value) {
      if (!PRIVATE_KEY.matcher(value).matches()) throw new TypeConversionException("needs a private key of 64 hex digits (0x…)");
      return Credentials.create(value);
    }
  }
}
