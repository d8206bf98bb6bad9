package io.bhkr.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;

/**
 * {@code call}: one signed request to a node, so a person can drive the API without curl and
 * without computing signatures: {@code call --as 0 POST /api/v1/dev/deposits '{…}'}.
 */
final class CallCommand {

  /** What to send; {@code key} is null for an unsigned request, {@code body} null for none. */
  record Request(URI api, Credentials key, String method, String path, String body) {}

  static final String DEFAULT_API = "http://127.0.0.1:8080";
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Pattern PRIVATE_KEY = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
  // Floats as BigDecimal so that pretty-printing never changes a number the node sent.
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CallCommand() {}

  /** The request from the command line; {@code null} if {@code --help} was asked for. */
  static Request request(List<String> words) {
    CommandArguments args = new CommandArguments(words);
    URI api = URI.create(DEFAULT_API);
    Credentials key = null;
    String signerOption = null;
    List<String> positional = new ArrayList<>();
    while (args.hasNext()) {
      if (!args.atOption()) {
        positional.add(args.positional());
        continue;
      }
      CommandArguments.Option o = args.option(name -> !name.equals("--help"));
      switch (o.name()) {
        case "--help" -> { return null; }
        case "--api" -> api = api(o.value());
        case "--as", "--key" -> {
          if (signerOption != null) throw new UsageError("give only one of --as and --key");
          signerOption = o.name();
          key = o.name().equals("--as") ? developmentKey(o.value()) : privateKey(o.value());
        }
        default -> throw new UsageError("unknown option " + o.name());
      }
    }
    if (positional.size() < 2 || positional.size() > 3)
      throw new UsageError("call needs METHOD PATH [JSON-BODY], e.g. call GET /health");
    String method = positional.get(0).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) throw new UsageError("unknown HTTP method '" + positional.get(0) + "'");
    String path = positional.get(1);
    if (!path.startsWith("/")) throw new UsageError("PATH must start with /, e.g. /api/v1/accounts/0x…");
    String body = positional.size() == 3 ? positional.get(2) : null;
    if (body != null && method.equals("GET")) throw new UsageError("a GET takes no body");
    return new Request(api, key, method, path, body);
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
    out.println("HTTP " + response.status());
    if (response.body() != null && !response.body().isEmpty()) out.println(pretty(response.body()));
    return response.status() >= 200 && response.status() < 300 ? 0 : 1;
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

  static URI api(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // same message as a URI of the wrong kind
    }
    throw new UsageError("--api must be a URL like " + DEFAULT_API + ", not '" + value + "'");
  }

  private static Credentials developmentKey(String value) {
    try {
      int index = Integer.parseInt(value);
      if (index >= 0) return DevelopmentAccounts.credentials(index);
    } catch (NumberFormatException e) {
      // same message as a negative index
    }
    throw new UsageError("--as needs a development account index (0 operator, 1-3 governors), not '" + value + "'");
  }

  static Credentials privateKey(String value) {
    if (!PRIVATE_KEY.matcher(value).matches()) throw new UsageError("--key needs a private key of 64 hex digits (0x…)");
    return Credentials.create(value);
  }
}
