package io.bhkr.testing;

import akka.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.bytes.Hex;
import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.quote.ProjectKind;
import io.bhkr.quote.QuoteDecisions;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Resources;

/** Configuration and fixtures shared by the entity tests. */
public final class EntityTests {

  private EntityTests() {}

  /**
   * In-memory journal and snapshots, with every command, reply, event and state crossing Jackson
   * as it will between cluster nodes. Akka 2.6's ActorTestKit does not load application.conf by
   * itself for this, so the full config is built here.
   */
  public static Config config() {
    return EventSourcedBehaviorTestKit.config()
        .withFallback(PersistenceTestKitSnapshotPlugin.config())
        .withFallback(ConfigFactory.parseString("""
            akka.actor.serialize-messages = on
            akka.actor.serialize-creators = off
            akka.actor.allow-java-serialization = off
            akka.loglevel = WARNING
            """))
        .withFallback(ConfigFactory.load());
  }

  public static Amount bhkr(long wholeTokens) {
    return Amount.tokens(Asset.BHKR, wholeTokens);
  }

  public static Amount eth(long wholeTokens) {
    return Amount.tokens(Asset.ETH, wholeTokens);
  }

  /** The quote of vector Q1 (4 GHz, 16 GB, 128 GB, 60 days → FP 100 BHKR at 1 USD) under development parameters. */
  public static QuoteTerms q1Quote(long issuedAt) {
    return QuoteDecisions.quote("q-1", ProjectKind.ETH_VALIDATOR, new Resources(4, 16, 128, 0), 60, Parameters.development(), issuedAt);
  }

  /** A fixed 32-byte commit-reveal secret. */
  public static String secret() {
    byte[] b = new byte[32];
    for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 7 + 1);
    return Hex.encode(b);
  }
}
