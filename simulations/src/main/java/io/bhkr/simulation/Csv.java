package io.bhkr.simulation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Comma-separated files with a fixed number format, so the same run writes the same bytes. */
final class Csv implements AutoCloseable {

  private final Writer w;

  Csv(Path file, List<String> header) throws IOException {
    Files.createDirectories(file.getParent());
    w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    row(header.toArray());
  }

  void row(Object... cells) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) b.append(',');
      b.append(cell(cells[i]));
    }
    w.write(b.append('\n').toString());
  }

  static String cell(Object o) {
    if (o == null) return "";
    if (o instanceof Double d) return number(d);
    String s = o.toString();
    return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** Six decimals, dot as separator, empty for NaN. */
  static String number(double d) {
    return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
  }

  @Override
  public void close() throws IOException {
    w.close();
  }
}
