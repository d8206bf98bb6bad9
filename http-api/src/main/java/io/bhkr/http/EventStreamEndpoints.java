package io.bhkr.http;

import akka.NotUsed;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.marshalling.sse.EventStreamMarshalling;
import akka.http.javadsl.model.sse.ServerSentEvent;
import akka.http.javadsl.server.Route;
import akka.stream.javadsl.Source;
import io.bhkr.market.Market;
import io.bhkr.persistence.events.EventCursor;
import io.bhkr.persistence.events.MarketEvents;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/events}: the market's public facts ({@link MarketFacts}) as server-sent
 * events, from the journal's events-by-tag queries, live. Each event's id is the cursor after it;
 * a client resumes with {@code Last-Event-ID} (browsers send it by themselves on reconnect) or
 * {@code ?after=} (an id, or a journal offset for every tag). Without either it starts at the
 * beginning of the journal, so a page that opens the stream sees the whole market's history.
 */
final class EventStreamEndpoints extends Endpoints {

  /** A comment line this often keeps proxies and the server's idle timeout from closing a quiet stream. */

  EventStreamEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
  }

  @Override
  Route route() {
    return path("events", () -> get(() -> parameterOptional("after", after ->
        optionalHeaderValueByName("Last-Event-ID", lastId -> {
          EventCursor from;
          try {
            from = cursor(lastId.or(() -> after)); // a browser's reconnect carries both: the header is the newer
          } catch (ApiException e) {
            return complete(Problems.of(e));
          }
          return stream(from);
        }))));
  }

  private Route stream(EventCursor from) {
    // its cursor is the JDBC journal's global ordering, which a Cassandra journal does not have
    if (!io.bhkr.persistence.ReadJournals.isJdbc(system))
      return complete(Problems.of(new ApiException(501, "not-on-this-profile", "Not implemented on this journal profile",
          "the event stream is served on the embedded and postgres profiles, not yet on cassandra", java.util.List.of())));
    Source<ServerSentEvent, NotUsed> events = MarketEvents.live(system, from)
        .mapConcat(j -> MarketFacts.of(j).map(f -> List.of(ServerSentEvent.create(Json.write(f.body()), f.kind(), j.cursor().toString())))
            .orElse(List.of()))
        .keepAlive(settings.waits().heartbeat(), ServerSentEvent::heartbeat);
    return completeOK(events, EventStreamMarshalling.toEventStream());
  }

  private static EventCursor cursor(Optional<String> given) {
    if (given.isEmpty() || given.get().isBlank()) return EventCursor.START;
    try {
      return EventCursor.parse(given.get().trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("after", e.getMessage());
    }
  }
}
