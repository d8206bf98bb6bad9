package io.bhkr.persistence;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import io.bhkr.money.Amount;
import io.bhkr.serialization.JsonSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test-only entity: a named list of deposits. Its commands, events and state are records sent
 * through Jackson like the real entities', with an {@link Amount} inside and one tagged event.
 */
final class TestLedger extends EventSourcedBehavior<TestLedger.Command, TestLedger.Event, TestLedger.State> {

  static final String DEPOSIT_TAG = "test-deposit";

  sealed interface Command extends JsonSerializable {}

  record Deposit(Amount amount, String note, ActorRef<State> replyTo) implements Command {}

  record Rename(String name, ActorRef<State> replyTo) implements Command {}

  record Get(ActorRef<State> replyTo) implements Command {}

  sealed interface Event extends JsonSerializable {}

  /** Tagged with {@link #DEPOSIT_TAG}. */
  record Deposited(Amount amount, String note) implements Event {}

  /** Not tagged. */
  record Renamed(String name) implements Event {}

  record State(String name, List<Deposited> deposits) implements JsonSerializable {
    static final State EMPTY = new State("", List.of());

    State {
      deposits = List.copyOf(deposits);
    }

    State apply(Event event) {
      if (event instanceof Renamed r) return new State(r.name(), deposits);
      List<Deposited> more = new ArrayList<>(deposits);
      more.add((Deposited) event);
      return new State(name, more);
    }
  }

  static Behavior<Command> create(String id) {
    return new TestLedger(PersistenceId.of("TestLedger", id));
  }

  static PersistenceId persistenceId(String id) {
    return PersistenceId.of("TestLedger", id);
  }

  private TestLedger(PersistenceId persistenceId) {
    super(persistenceId);
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  @Override
  public CommandHandler<Command, Event, State> commandHandler() {
    return newCommandHandlerBuilder()
        .forAnyState()
        .onCommand(Deposit.class, (s, c) -> Effect().persist(new Deposited(c.amount(), c.note())).thenReply(c.replyTo(), n -> n))
        .onCommand(Rename.class, (s, c) -> Effect().persist(new Renamed(c.name())).thenReply(c.replyTo(), n -> n))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return event instanceof Deposited ? Set.of(DEPOSIT_TAG) : Set.of();
  }
}
