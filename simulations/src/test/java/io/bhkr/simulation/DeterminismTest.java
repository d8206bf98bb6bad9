package io.bhkr.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scenario and seed write the same bytes, whatever the threads; another seed does not. */
class DeterminismTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private static TreeMap<String, byte[]> simulate(Path out, String seed, String threads) throws IOException {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    int exit = SimulateCommand.run(new SimulateCommand.Options("baseline", 40, 3, Long.parseLong(seed), out, "", List.of(),
        Integer.parseInt(threads), false, 1000, 20_000), quiet, quiet);
    assertEquals(0, exit);
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) files.put(out.relativize(p).toString(), Files.readAllBytes(p));
    }
    return files;
  }

  @Test
  void sameSeedSameBytes(@TempDir Path tmp) throws IOException {
    TreeMap<String, byte[]> a = simulate(tmp.resolve("a"), "7", "2");
    TreeMap<String, byte[]> b = simulate(tmp.resolve("b"), "7", "1");
    assertEquals(a.keySet(), b.keySet());
    a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name + " differs between two runs of the same seed"));
    assertTrue(a.containsKey("index.html"));
    assertTrue(a.containsKey("summary.csv"));
    for (String chart : List.of("pool-balances", "win-share-vs-score", "requester-returns", "insurance-solvency", "reward-per-group",
        "price-first-vs-second")) {
      byte[] png = a.get(Path.of("charts", chart + ".png").toString());
      assertArrayEquals(PNG, java.util.Arrays.copyOf(png, 4), chart + " is a PNG");
      assertTrue(new String(a.get("index.html"), java.nio.charset.StandardCharsets.UTF_8).contains("charts/" + chart + ".png"));
    }
    String summary = new String(a.get("summary.csv"), java.nio.charset.StandardCharsets.UTF_8);
    for (long seed : SimulateCommand.seeds(7, 3)) assertTrue(summary.contains("," + seed + ","), "summary records seed " + seed);
  }

  @Test
  void anotherSeedAnotherMarket(@TempDir Path tmp) throws IOException {
    TreeMap<String, byte[]> a = simulate(tmp.resolve("a"), "7", "2");
    TreeMap<String, byte[]> c = simulate(tmp.resolve("c"), "8", "2");
    assertNotEquals(new String(a.get("summary.csv")), new String(c.get("summary.csv")));
  }
}
