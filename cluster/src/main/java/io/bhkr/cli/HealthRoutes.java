package io.bhkr.cli;

import akka.actor.ExtendedActorSystem;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.management.HealthCheckSettings;
import akka.management.javadsl.CheckResult;
import akka.management.javadsl.HealthChecks;
import akka.management.javadsl.ManagementRouteProvider;
import akka.management.javadsl.ManagementRouteProviderSettings;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@code /ready} and {@code /alive} on the management port, in place of Akka Management 1.1.4's
 * own routes (configured as {@code akka.management.http.routes.health-checks}): the same checks,
 * but a failing one answers 503 Service Unavailable, as later Akka Management releases and load
 * balancers expect of "not ready (yet)", where 1.1.4 answers 500 Internal Server Error.
 */
public final class HealthRoutes extends AllDirectives implements ManagementRouteProvider {

  private final HealthCheckSettings settings;
  private final HealthChecks checks;

  /** Akka Management creates route providers by reflection, with the classic actor system. */
  public HealthRoutes(ExtendedActorSystem system) {
    this.settings = HealthCheckSettings.create(system.settings().config().getConfig("akka.management.health-checks"));
    this.checks = new HealthChecks(system, settings);
  }

  @Override
  public Route routes(ManagementRouteProviderSettings routeSettings) {
    return concat(
        path(PathMatchers.separateOnSlashes(settings.readinessPath()), () -> get(() -> answer(checks::readyResult))),
        path(PathMatchers.separateOnSlashes(settings.livenessPath()), () -> get(() -> answer(checks::aliveResult))));
  }

  private Route answer(Supplier<CompletionStage<CheckResult>> check) {
    return onComplete(check.get(), result -> {
      if (result.isFailure()) return complete(StatusCodes.SERVICE_UNAVAILABLE, "Health Check Failed: " + result.failed().get().getMessage());
      CheckResult r = result.get();
      return r.isSuccess() ? complete(StatusCodes.OK, "OK") : complete(StatusCodes.SERVICE_UNAVAILABLE, r.failure().orElse("Not Healthy"));
    });
  }
}
