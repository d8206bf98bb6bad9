package io.bhkr.cassandra;

import java.lang.reflect.Method;

/**
 * Cassandra's main, run on behalf of another process (a test JVM): when that process ends, however
 * it ends (even by SIGKILL, when no shutdown hook runs), this Cassandra halts too, so no test run
 * leaves a Cassandra behind. Arguments: the owner's pid.
 */
public final class WatchedCassandra {

  private WatchedCassandra() {}

  public static void main(String[] args) throws Exception {
    long owner = Long.parseLong(args[0]);
    ProcessHandle.of(owner).ifPresentOrElse(
        p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
        () -> Runtime.getRuntime().halt(0));
    // by reflection: cassandra-all is only on this JVM's classpath, never on the owner's
    Method main = Class.forName(CassandraYaml.MAIN).getMethod("main", String[].class);
    main.invoke(null, (Object) new String[0]);
  }
}
