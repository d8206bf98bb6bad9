package io.bhkr.chain.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test inside an evm_snapshot of the shared anvil that is reverted afterwards, so a
 * contract test sees the same chain whatever ran before it. Not for the bridge's tests: a revert
 * makes the next deployment reuse the same addresses, and with them the bridge's persistence id.
 */
public final class AnvilSnapshots implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AnvilSnapshots.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("snapshot", AnvilExtension.anvil(context).snapshot());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    String snapshot = context.getStore(NS).remove("snapshot", String.class);
    if (snapshot != null) AnvilExtension.anvil(context).revert(snapshot);
  }
}
