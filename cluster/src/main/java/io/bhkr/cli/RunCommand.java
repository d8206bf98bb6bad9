package io.bhkr.cli;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.javadsl.Adapter;
import io.bhkr.persistence.JournalProfile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run}: starts a node and keeps it up until Ctrl-C or SIGTERM. */
final class RunCommand {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  /** Read instead of a password option, so the password need not show in {@code ps} or the shell history. */
  static final String PASSWORD_VARIABLE = "BHKR_POSTGRES_PASSWORD";

  /** Akka's own JVM shutdown hook runs Coordinated Shutdown; this bounds how long we wait for it. */
  private static final long STOP_SECONDS = 60;

  private RunCommand() {}

  /**
   * Starts the node, lets {@code afterStart} use it (stopping the node when it answers false), and
   * returns the exit code once the node has stopped (or could not start).
   *
   * @param overrides configuration over application.conf, e.g. chain mode's {@code bhkr.chain}
   */
  static int run(NodeOptions options, com.typesafe.config.Config overrides, java.util.function.Predicate<Node> afterStart) {
    log.info("Starting BHKR node: journal profile {} ({}), HTTP on {}:{}", options.profile().id(),
        options.profile() == JournalProfile.EMBEDDED ? "data in " + options.journal().dataDir() : options.profile().describe(options.journal()),
        options.httpHost(), options.httpPort());
    long started = System.nanoTime();
    Node node;
    try {
      node = Node.start(options, overrides);
    } catch (RuntimeException e) {
      log.error("BHKR node could not start: {}", e.getMessage(), e);
      return 1;
    }
    log.info("BHKR node started in {} ms; stop it with Ctrl-C", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

    CompletableFuture<?> terminated = node.system().getWhenTerminated().toCompletableFuture();
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(Adapter.toClassic(node.system()));
    AtomicBoolean reported = new AtomicBoolean();
    Runnable reportStopped = () -> {
      if (reported.compareAndSet(false, true))
        log.info("BHKR node stopped ({})", shutdown.getShutdownReason().map(Object::toString).orElse("no reason given"));
    };
    // On Ctrl-C the JVM halts as soon as its shutdown hooks finish, possibly before the main
    // thread wakes up: this hook waits for Akka's (which runs Coordinated Shutdown) to end the system.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        terminated.get(STOP_SECONDS, TimeUnit.SECONDS);
        reportStopped.run();
      } catch (Exception e) {
        log.warn("BHKR node did not stop cleanly within {} s: {}", STOP_SECONDS, e.toString());
      }
    }, "bhkr-stopped"));

    if (!afterStart.test(node)) {
      node.close();
      return 1;
    }
    // Returns here too when the system stops without a signal (e.g. downed by the cluster): that
    // is a failure a supervisor (systemd, Kubernetes) should see and restart the node for.
    terminated.join();
    reportStopped.run();
    boolean asked = shutdown.getShutdownReason().filter(CoordinatedShutdown.jvmExitReason()::equals).isPresent();
    return asked ? 0 : 1;
  }
}
