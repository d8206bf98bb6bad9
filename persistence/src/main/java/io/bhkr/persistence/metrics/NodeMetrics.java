package io.bhkr.persistence.metrics;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's meter registry, one per actor system (not Micrometer's global one), so that two nodes
 * in one JVM (the end-to-end tests) do not count into each other. Served as Prometheus text by
 * {@code GET /metrics}; the journal, the HTTP layer and the node's market gauges record into it.
 */
public final class NodeMetrics implements Extension {

  public static final ExtensionId<NodeMetrics> ID = new ExtensionId<>() {
    @Override
    public NodeMetrics createExtension(ActorSystem<?> system) {
      return new NodeMetrics(system);
    }
  };

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private NodeMetrics(ActorSystem<?> system) {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics(); // listens to GC notifications until closed
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    system.getWhenTerminated().thenRun(() -> {
      gc.close();
      registry.close();
    });
  }

  public static NodeMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text exposition format 0.0.4. */
  public String scrape() {
    return registry.scrape();
  }

  /** The entity type of a persistence id: {@code Project|p-1} is {@code Project}; Akka's own rows are {@code sharding}. */
  public static String entityType(String persistenceId) {
    if (persistenceId.startsWith("/sharding/")) return "sharding";
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? "other" : persistenceId.substring(0, bar);
  }
}
