package io.bhkr.chain.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One anvil per test JVM, started by the first test that asks for it and stopped (SIGTERM) when
 * the JVM's tests are done. Each test runs inside an evm_snapshot that is reverted afterwards, so
 * tests see the same chain whatever ran before. Tests get it as an {@link Anvil} parameter.
 */
public final class AnvilExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AnvilExtension.class);

  /** Closed by JUnit when the root context (the whole test run of this JVM) closes. */
  private record Shared(Anvil anvil) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      anvil.close();
    }
  }

  static Anvil anvil(ExtensionContext context) {
    return context.getRoot().getStore(NS).getOrComputeIfAbsent(Shared.class, k -> new Shared(Anvil.start(0)), Shared.class).anvil();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("snapshot", anvil(context).snapshot());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    String snapshot = context.getStore(NS).remove("snapshot", String.class);
    if (snapshot != null) anvil(context).revert(snapshot);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Anvil.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return anvil(context);
  }
}
