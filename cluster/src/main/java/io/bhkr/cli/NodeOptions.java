package io.bhkr.cli;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;

/**
 * How a node runs: where it listens, where it keeps its data, which journal it writes.
 *
 * @param clusterPort Akka remoting port; 0 picks a free one (enough for a single node)
 */
public record NodeOptions(
    String httpHost, int httpPort, int clusterPort, JournalProfile profile, JournalSettings journal) {

  public static NodeOptions defaults() {
    return new NodeOptions("127.0.0.1", 8080, 0, JournalProfile.EMBEDDED, JournalSettings.defaults(Path.of("data")));
  }

  public NodeOptions withHttpPort(int port) {
    return new NodeOptions(httpHost, port, clusterPort, profile, journal);
  }

  public NodeOptions withProfile(JournalProfile p, JournalSettings j) {
    return new NodeOptions(httpHost, httpPort, clusterPort, p, j);
  }
}
