package io.bhkr.replay;

import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.project.AuctionClosed;
import io.bhkr.project.ProjectDecisions;
import io.bhkr.project.ProjectState;
import io.bhkr.serialization.DomainEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large journal for the replay benchmark, made from a real one: the worked example's market
 * (its accounts, providers, quote and project) played again and again by new participants, with
 * new ids, into the same Reward and Insurance Pools. Governance, audits and nonce books are not
 * repeated: the copies' providers were qualified by the original votes. Each copy's auction is
 * closed again with the production rule under the copy's own project id, so the journal verifies
 * as a node would have written it.
 */
public final class SyntheticJournal {

  /** Entity kinds that belong to one market copy; everything else is kept once. */
  private static final List<String> COPIED = List.of("Account|", "Provider|", "Quote|", "Project|", "Pool|");
  private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-f]{40})");
  private static final Pattern ID = Pattern.compile("-([0-9a-f]{16})(?![0-9a-f])");

  private SyntheticJournal() {}

  /** The worked example's golden journal, shipped in this jar. */
  public static List<StoredEvent> workedExample() {
    try (InputStream in = SyntheticJournal.class.getResourceAsStream("worked-example.jsonl")) {
      Path tmp = Files.createTempFile("bhkr-worked-example", ".jsonl");
      Files.write(tmp, in.readAllBytes());
      List<StoredEvent> rows = JournalFile.read(tmp);
      Files.delete(tmp);
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Calls {@code each} with the template's rows, then with copies of its market until at least
   * {@code events} rows were given, in global order; returns how many.
   */
  public static long generate(List<StoredEvent> template, long events, Consumer<StoredEvent> each) {
    Map<String, Long> nextSeq = new HashMap<>();
    long ordering = 0;
    long given = 0;
    for (StoredEvent e : template) {
      each.accept(e);
      nextSeq.merge(e.persistenceId(), e.sequenceNumber() + 1, Math::max);
      ordering = Math.max(ordering, e.ordering());
      given++;
    }
    List<StoredEvent> market = template.stream().filter(e -> COPIED.stream().anyMatch(e.persistenceId()::startsWith)).toList();
    try (JournalDecoder codec = new JournalDecoder()) {
      for (int copy = 1; given < events; copy++) {
        Map<String, ProjectState> projects = new HashMap<>();
        for (StoredEvent e : market) {
          String pid = renamed(e.persistenceId(), copy);
          byte[] payload = renamed(new String(e.payload(), StandardCharsets.UTF_8), copy).getBytes(StandardCharsets.UTF_8);
          if (pid.startsWith("Project|")) payload = projectEvent(codec, projects, pid, e, payload);
          long seq = nextSeq.merge(pid, 1L, Long::sum) - 1;
          if (seq == 0) seq = nextSeq.merge(pid, 1L, Long::sum) - 1; // a new entity starts at 1
          each.accept(new StoredEvent(++ordering, pid, seq, e.writer(), e.writeTimestamp(), e.adapterManifest(), e.serializerId(),
              e.manifest(), payload, e.tags()));
          given++;
        }
      }
    }
    return given;
  }

  /** A copy's project event; its auction closed again under the copy's project id, since the pick's seed hashes it. */
  private static byte[] projectEvent(JournalDecoder codec, Map<String, ProjectState> projects, String pid, StoredEvent e, byte[] payload) {
    StoredEvent row = new StoredEvent(0, pid, 0, "", 0, "", e.serializerId(), e.manifest(), payload, List.of());
    DomainEvent event = (DomainEvent) codec.decode(row);
    ProjectState before = projects.getOrDefault(pid, ProjectState.empty());
    if (event instanceof AuctionClosed) {
      event = ProjectDecisions.close(pid.substring("Project|".length()), before).get(0);
      payload = codec.encode(event);
    }
    projects.put(pid, io.bhkr.project.ProjectEntity.apply(before, event));
    return payload;
  }

  /** Addresses and 16-hex ids made unique to the copy; everything else as it was. */
  static String renamed(String text, int copy) {
    String prefix = String.format(Locale.ROOT, "%08x", copy);
    Matcher a = ADDRESS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (a.find()) a.appendReplacement(out, "0x" + prefix + a.group(1).substring(8));
    a.appendTail(out);
    Matcher id = ID.matcher(out.toString());
    StringBuilder done = new StringBuilder();
    while (id.find()) id.appendReplacement(done, "-" + prefix.substring(2) + id.group(1).substring(6));
    id.appendTail(done);
    return done.toString();
  }
}
