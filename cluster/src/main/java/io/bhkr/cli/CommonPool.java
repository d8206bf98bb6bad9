package io.bhkr.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * Sizes the JDK's common fork-join pool before anything uses it. Akka's asks return Scala's
 * CompletionStage, which runs every {@code thenApply}/{@code thenCompose} asynchronously on
 * CompletableFuture's default executor; the endpoints' whole request path runs there. On a
 * 2-core machine the common pool's parallelism is 1, and below 2 CompletableFuture gives up the
 * pool and starts a new thread for every callback. A request's callbacks are short, but a few
 * reads (listings, conservation) block on JDBC there, so the pool gets more threads than cores.
 */
final class CommonPool {

  static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPool() {}

  /** Sets the property from {@code bhkr.common-pool-parallelism} unless the JVM was started with it. */
  static void size() {
    if (System.getProperty(PROPERTY) != null) return;
    System.setProperty(PROPERTY, Integer.toString(parallelism(ConfigFactory.load(), Runtime.getRuntime().availableProcessors())));
  }

  /** 0 in the configuration means twice the cores, at least 4. */
  static int parallelism(Config config, int cores) {
    int configured = config.getInt("bhkr.common-pool-parallelism");
    return configured > 0 ? configured : Math.max(4, 2 * cores);
  }
}
