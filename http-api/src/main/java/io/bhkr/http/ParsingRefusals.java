package io.bhkr.http;

import akka.event.LoggingAdapter;
import akka.http.ParsingErrorHandler;
import akka.http.javadsl.model.HttpResponse;
import akka.http.scaladsl.model.ErrorInfo;
import akka.http.scaladsl.model.StatusCode;
import akka.http.scaladsl.settings.ServerSettings;

/**
 * Answers a request Akka HTTP cannot even parse (URI or header too long, too many headers, a bad
 * request line) as problem+json, like every other refusal. Named by
 * {@code akka.http.server.parsing.error-handler} in this module's reference.conf.
 */
public final class ParsingRefusals extends ParsingErrorHandler {

  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    log.debug("refused an unparsable request: {}", info.summary());
    return Refusals.forStatus(status.intValue());
  }
}
