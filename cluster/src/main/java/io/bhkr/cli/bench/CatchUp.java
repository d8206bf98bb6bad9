package io.bhkr.cli.bench;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.ledger.ConservationReport;
import io.bhkr.persistence.ledger.LedgerDatabase;
import io.bhkr.persistence.ledger.LedgerProjection;
import io.bhkr.persistence.listings.ListingProjection;
import io.bhkr.persistence.listings.Listings;
import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * How fast the read sides fold a journal they have not seen, which is how stale the conservation
 * audit and the listings get after a rebuild or a long outage: with the node stopped, the read
 * sides are emptied ({@link LedgerDatabase#startOver}), then the ledger projection, and after it
 * the three listing projections, run alone in a JVM of their own (no entities, no HTTP) until they
 * reach the end of the journal.
 */
final class CatchUp {

  private static final Duration LIMIT = Duration.ofMinutes(15);
  private static final long POLL_MILLIS = 50;

  private CatchUp() {}

  static void print(JournalProfile profile, JournalSettings settings, PrintStream out) throws Exception {
    Config config = ConfigFactory.parseString("akka.actor.provider = local")
        .withFallback(profile.config(settings)).withFallback(ConfigFactory.load()).resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bhkr-catch-up", config);
    try {
      LedgerDatabase database = LedgerDatabase.get(system);
      database.startOver();
      long ledgerEnd = database.journaledUpTo();
      long start = System.nanoTime();
      system.systemActorOf(LedgerProjection.behavior(system), "ledger-projection", Props.empty());
      ConservationReport report = database.report(0);
      while (report.projectedUpTo() < ledgerEnd) {
        waitOrGiveUp(start, "the ledger projection");
        report = database.report(0);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "  ledger projection catching up from empty: %,d events in %.1f s, %,.0f events/s (the audit %s)%n",
          report.events(), seconds, report.events() / seconds, report.ok() ? "balances" : "does NOT balance");

      long listed = database.read(CatchUp::listingEvents);
      long end = Listings.journalEnd(database);
      start = System.nanoTime();
      for (String tag : ListingProjection.TAGS)
        system.systemActorOf(ListingProjection.behavior(system, tag), "listings-" + tag, Props.empty());
      for (String tag : ListingProjection.TAGS)
        while (Listings.behind(database, tag, end)) waitOrGiveUp(start, "the listing projection of " + tag);
      seconds = (System.nanoTime() - start) / 1e9;
      out.printf(Locale.ROOT, "  listing projections (3) catching up from empty: %,d events in %.1f s, %,.0f events/s%n", listed, seconds,
          listed / seconds);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get();
    }
  }

  private static void waitOrGiveUp(long start, String what) throws InterruptedException {
    if (System.nanoTime() - start > LIMIT.toNanos()) throw new IllegalStateException(what + " did not catch up within " + LIMIT);
    Thread.sleep(POLL_MILLIS);
  }

  /** Events of the listings' tags in the journal: what their projections fold. */
  private static long listingEvents(java.sql.Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM \"event_tag\" WHERE \"tag\" IN (?, ?, ?)")) {
      for (int i = 0; i < ListingProjection.TAGS.size(); i++) s.setString(i + 1, ListingProjection.TAGS.get(i));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }
}
