package io.bhkr.http;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;

/**
 * The dashboard page: plain HTML, JavaScript and CSS from the jar ({@code dashboard/} on the
 * classpath), no build step and nothing fetched from elsewhere at run time. It reads the public
 * JSON API and the event stream like any other client. {@code /} leads to it.
 */
final class DashboardEndpoint extends AllDirectives {

  private static final String RESOURCES = "dashboard";

  Route route() {
    return concat(
        pathSingleSlash(() -> get(() -> redirect(akka.http.javadsl.model.Uri.create("/dashboard/"), StatusCodes.FOUND))),
        path(RESOURCES, () -> get(() -> redirect(akka.http.javadsl.model.Uri.create("/dashboard/"), StatusCodes.MOVED_PERMANENTLY))),
        pathPrefix(RESOURCES, () -> get(() -> concat(
            pathSingleSlash(() -> getFromResource(RESOURCES + "/index.html")),
            getFromResourceDirectory(RESOURCES)))));
  }
}
