package io.bhkr.persistence.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A journal as a file of JSON lines, one {@link StoredEvent} a line, byte for byte: the form in
 * which golden journals are committed. An event whose payload is JSON (all of BHKR's) is embedded
 * as {@code "event": {…}}, readable and diffable; any other payload (a compressed one, say) as
 * {@code "eventBase64"}. Embedding is used only when writing the tree back gives the same bytes,
 * so {@link #read} always returns exactly what {@link #write} was given.
 */
public final class JournalFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JournalFile() {}

  public static void write(List<StoredEvent> events, Path file) {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (StoredEvent e : events) {
        out.write(JSON.writeValueAsString(line(e)));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static List<StoredEvent> read(Path file) {
    List<StoredEvent> events = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int number = 0;
      while ((text = in.readLine()) != null) {
        number++;
        if (text.isBlank()) continue;
        try {
          events.add(event(JSON.readTree(text)));
        } catch (RuntimeException | IOException e) {
          throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return events;
  }

  private static ObjectNode line(StoredEvent e) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("ordering", e.ordering());
    n.put("persistenceId", e.persistenceId());
    n.put("sequenceNumber", e.sequenceNumber());
    n.put("writer", e.writer());
    n.put("writeTimestamp", e.writeTimestamp());
    n.put("adapterManifest", e.adapterManifest());
    n.put("serializerId", e.serializerId());
    n.put("manifest", e.manifest());
    ArrayNode tags = n.putArray("tags");
    e.tags().forEach(tags::add);
    JsonNode tree = embeddable(e.payload());
    if (tree != null) n.set("event", tree);
    else n.put("eventBase64", Base64.getEncoder().encodeToString(e.payload()));
    return n;
  }

  private static JsonNode embeddable(byte[] payload) {
    try {
      JsonNode tree = JSON.readTree(payload);
      return tree != null && tree.isObject() && Arrays.equals(JSON.writeValueAsBytes(tree), payload) ? tree : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static StoredEvent event(JsonNode n) throws IOException {
    byte[] payload = n.has("event") ? JSON.writeValueAsBytes(n.get("event")) : Base64.getDecoder().decode(n.get("eventBase64").asText());
    List<String> tags = new ArrayList<>();
    n.get("tags").forEach(t -> tags.add(t.asText()));
    return new StoredEvent(n.get("ordering").asLong(), n.get("persistenceId").asText(), n.get("sequenceNumber").asLong(),
        n.get("writer").asText(), n.get("writeTimestamp").asLong(), n.get("adapterManifest").asText(),
        n.get("serializerId").asInt(), n.get("manifest").asText(), payload, tags);
  }
}
