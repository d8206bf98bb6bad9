package io.bhkr.cli;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.management.javadsl.AkkaManagement;
import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node becomes a member of its cluster and shows operators how it is doing: the operator
 * endpoints of Akka Management first (so {@code /alive} answers and {@code /ready} says "not yet"
 * while the node joins), then the join itself. See docs/operations.md.
 */
final class ClusterStart {

  private static final Logger log = LoggerFactory.getLogger(ClusterStart.class);

  private ClusterStart() {}

  /** Starts Akka Management if {@code bhkr.management.enabled} ({@code run} turns it on); logs where. */
  static void operatorEndpoints(ActorSystem<?> system, Config config) throws Exception {
    if (!config.getBoolean("bhkr.management.enabled")) return;
    String uri = AkkaManagement.get(Adapter.toClassic(system)).start().toCompletableFuture()
        .get(30, TimeUnit.SECONDS).toString().replaceAll("/$", "");
    // NodeProcess (the process tests) and operators read the bound port from this line (port 0 picks one)
    log.info("BHKR management on {} (readiness {}/ready, liveness {}/alive, members {}/cluster/members)",
        uri, uri, uri, uri);
  }

  /**
   * Without seed nodes the node forms a cluster of its own, as a single node always has. With
   * them Akka joins the first that answers (the first seed alone may form a new cluster, and
   * only when no other seed answers), and this waits until the node is Up: sharding and the
   * singletons need a member, and an operator may start the nodes in any order.
   */
  static void join(ActorSystem<?> system, Config config) throws Exception {
    Cluster cluster = Cluster.get(system);
    List<String> seeds = config.getStringList("akka.cluster.seed-nodes");
    if (seeds.isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      return;
    }
    Duration timeout = config.getDuration("bhkr.cluster.join-timeout");
    log.info("Joining the cluster through seed nodes {} as {} (waiting up to {})", seeds, cluster.selfMember().address(), timeout);
    CompletableFuture<Void> up = new CompletableFuture<>();
    akka.cluster.Cluster.get(Adapter.toClassic(system)).registerOnMemberUp(() -> up.complete(null));
    try {
      up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no seed node of " + seeds + " let this node join within " + timeout
          + " (is the first seed node, or any member, running?)", e);
    }
    log.info("Joined the cluster as {}", cluster.selfMember().address());
  }

  /**
   * Asks until an answer comes or {@code limit} has passed. A node joining a cluster whose member
   * just died finds the shards that member held unreachable until the cluster has removed it
   * (up to the Split Brain Resolver's stable-after and the handover): that is a wait, not a failure.
   */
  static <T> T untilAnswered(String what, Duration limit, java.util.function.Supplier<java.util.concurrent.CompletionStage<T>> ask)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        return ask.get().toCompletableFuture().get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (System.nanoTime() > deadline) throw new IllegalStateException(what + " did not answer within " + limit, e.getCause());
        log.info("Waiting for {} to answer ({}); asking again", what, e.getCause().toString());
      }
    }
  }
}
