package io.bhkr.persistence.listings;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.persistence.ReadJournals;
import io.bhkr.persistence.ledger.LedgerDatabase;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectStatus;
import io.bhkr.provider.ProviderEntity;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Pages of providers, nodes, projects and an account's staked nodes, read from the listings'
 * tables. A read first lets the projection catch up with what the journal held when the read
 * began (up to {@code bhkr.listings.catch-up-wait}), so a client that has just written sees its
 * write listed; past that wait it gets the listing as far as the projection has come.
 */
public final class Listings {

  /** Which projects to list; a null field does not filter. */
  public record ProjectFilter(ProjectStatus status, String requester, String provider) {}

  /** One page: its ids, and the id to ask {@code after} for the next page (null on the last). */
  public record Page(List<String> ids, String next) {}

  private static final String BLOCKING = "akka.projection.jdbc.blocking-jdbc-dispatcher";
  private static final Duration POLL = Duration.ofMillis(20);

  private final LedgerDatabase database;
  private final Executor blocking;
  private final Duration catchUpWait;
  /** Only a JDBC journal can be compared with the projection's offset in SQL (see {@link #catchUp}). */
  private final boolean jdbcJournal;
  private final int defaultLimit;
  private final int maxLimit;

  public Listings(ActorSystem<?> system) {
    this.database = LedgerDatabase.get(system);
    this.blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig(BLOCKING));
    var config = system.settings().config().getConfig("bhkr.listings");
    this.catchUpWait = config.getDuration("catch-up-wait");
    this.jdbcJournal = ReadJournals.isJdbc(system);
    this.defaultLimit = config.getInt("default-limit");
    this.maxLimit = config.getInt("max-limit");
  }

  public int defaultLimit() {
    return defaultLimit;
  }

  public int maxLimit() {
    return maxLimit;
  }

  public CompletionStage<Page> providers(String after, int limit) {
    return page(ProviderEntity.TAG, after, limit, (c, from, n) -> ListingTables.ids(c, ListingProjection.PROVIDER, null, from, n));
  }

  /** Nodes, all or those of one provider. */
  public CompletionStage<Page> nodes(String provider, String after, int limit) {
    return page(NodeEntity.TAG, after, limit, (c, from, n) -> ListingTables.ids(c, ListingProjection.NODE, provider, from, n));
  }

  public CompletionStage<Page> stakedNodes(String staker, String after, int limit) {
    return page(NodeEntity.TAG, after, limit, (c, from, n) -> ListingTables.stakedNodes(c, staker, from, n));
  }

  public CompletionStage<Page> projects(ProjectFilter filter, String after, int limit) {
    return page(ProjectEntity.TAG, after, limit, (c, from, n) -> ListingTables.projects(c, filter, from, n));
  }

  private interface Query {
    List<String> ids(Connection c, String after, int limit) throws SQLException;
  }

  private CompletionStage<Page> page(String tag, String after, int limit, Query query) {
    if (limit < 1 || limit > maxLimit) throw new IllegalArgumentException("limit must be 1 to " + maxLimit);
    return CompletableFuture.supplyAsync(() -> {
      try {
        catchUp(tag);
        // one more than asked says whether a next page exists
        List<String> ids = database.read(c -> query.ids(c, after == null ? "" : after, limit + 1));
        return ids.size() > limit ? new Page(List.copyOf(ids.subList(0, limit)), ids.get(limit - 1)) : new Page(ids, null);
      } catch (SQLException e) {
        throw new CompletionException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      }
    }, blocking);
  }

  /** The journal's newest ordering (JDBC journals): what a listing must have seen to answer for this moment. */
  public static long journalEnd(LedgerDatabase database) throws SQLException {
    return database.read(ListingTables::journalEnd);
  }

  /** Whether the listing projection of {@code tag} has yet to fold an event of its tag at or before ordering {@code end}. */
  public static boolean behind(LedgerDatabase database, String tag, long end) throws SQLException {
    return database.read(c -> ListingTables.anyTagged(c, tag, ListingTables.offset(c, tag), end));
  }

  /**
   * Waits until no event of {@code tag} journaled before now is still ahead of the projection. On
   * Cassandra the journal is not in the read side's database and its tag query is itself eventually
   * consistent (a few seconds), so the listing is served as far as the projection has come.
   */
  private void catchUp(String tag) throws SQLException, InterruptedException {
    if (!jdbcJournal) return;
    long end = journalEnd(database);
    long deadline = System.nanoTime() + catchUpWait.toNanos();
    while (behind(database, tag, end)) {
      if (System.nanoTime() > deadline) return;
      Thread.sleep(POLL.toMillis());
    }
  }
}
