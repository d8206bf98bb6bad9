package io.bhkr.chain.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One anvil per test JVM, started by the first test that asks for it and stopped (SIGTERM) when
 * the JVM's tests are done. Tests get it as an {@link Anvil} parameter; add {@link AnvilSnapshots}
 * to run each test inside a snapshot that is reverted afterwards.
 */
public final class AnvilExtension implements ParameterResolver {

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
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Anvil.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return anvil(context);
  }
}
