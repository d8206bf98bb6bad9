package io.bhkr.provider;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.ProjectAwarded;
import io.bhkr.transfer.ProjectReleased;
import io.bhkr.transfer.ProviderQualified;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.ValueEvent;
import io.bhkr.transfer.Seen;
import io.bhkr.transfer.Transfer;
import io.bhkr.money.Balances;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A provider: its application, governance's qualification, its BHKR collateral and the projects
 * that occupy its capacity (economics 11). Its id is its Ethereum address.
 */
public final class ProviderEntity
    extends EventSourcedBehaviorWithEnforcedReplies<ProviderEntity.Command, DomainEvent, ProviderEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Provider");
  public static final String TAG = "provider";

  public enum Status { NONE, APPLIED, QUALIFIED, ACTIVE, DISQUALIFIED }

  public sealed interface Command extends JsonSerializable {}

  public record Apply(String brandName, Resources capacity, Amount maxPrice, long appliedAt, ActorRef<ApplyResult> replyTo)
      implements Command {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  public record Get(ActorRef<ProviderView> replyTo) implements Command {}

  public sealed interface ApplyResult extends JsonSerializable {}

  public record Applied(String providerId) implements ApplyResult {}

  public record ApplicationRefused(String reason) implements ApplyResult {}

  public record ProviderApplied(String providerId, String brandName, Resources capacity, Amount maxPrice, long appliedAt)
      implements DomainEvent {}

  /**
   * @param otherValue value other than BHKR sent to the provider: never collateral, but held, not
   *     lost (no API sends it; a direct dispatch could)
   * @param released projects already released, so an award redelivered after its release (at least
   *     once is not in order) does not occupy capacity forever
   */
  public record State(
      ProviderApplied application,
      ProviderQualified qualification,
      Amount collateral,
      Balances otherValue,
      Map<String, Resources> awarded,
      Set<String> released,
      Seen seen)
      implements JsonSerializable {

    public Status status() {
      if (application == null) return Status.NONE;
      if (qualification == null) return Status.APPLIED;
      return collateral.isLessThan(qualification.pMin()) ? Status.QUALIFIED : Status.ACTIVE;
    }

    /** Declared capacity less what awarded, unfinished projects occupy. */
    public Resources freeCapacity() {
      Resources used = awarded.values().stream().reduce(Resources.NONE, Resources::plus);
      return application.capacity().covers(used) ? application.capacity().minus(used) : Resources.NONE;
    }

    public long score() {
      return ReputationScore.beforeAudits(collateral, qualification == null ? null : qualification.pMax());
    }

    State with(Dispatch applied) {
      Map<String, Resources> projects = new HashMap<>(awarded);
      Set<String> done = new HashSet<>(released);
      Amount stake = collateral;
      Balances other = otherValue;
      ProviderQualified q = qualification;
      if (applied instanceof Transfer t && t.amount().asset() == Asset.BHKR) stake = stake.plus(t.amount());
      else if (applied instanceof Transfer t) other = other.credit(t.amount());
      else if (applied instanceof ProviderQualified pq && q == null && application != null) q = pq;
      else if (applied instanceof ProjectAwarded a && !released.contains(a.projectId())) projects.put(a.projectId(), a.resources());
      else if (applied instanceof ProjectReleased r) {
        projects.remove(r.projectId());
        done.add(r.projectId());
      }
      return new State(application, q, stake, other, projects, done, seen.with(applied.id()));
    }

    State applied(ProviderApplied e) {
      return new State(e, qualification, collateral, otherValue, awarded, released, seen);
    }
  }

  /** What the API and the auction see of a provider. */
  public record ProviderView(
      String providerId,
      Status status,
      String brandName,
      Resources capacity,
      Resources freeCapacity,
      Amount maxPrice,
      Amount collateral,
      long score,
      Set<String> runningProjects)
      implements JsonSerializable {

    public ProviderStanding standing() {
      boolean qualified = status == Status.QUALIFIED || status == Status.ACTIVE;
      return new ProviderStanding(providerId, qualified, status == Status.DISQUALIFIED, collateral, freeCapacity, maxPrice, score);
    }
  }

  public static Behavior<Command> create(String providerId) {
    return new ProviderEntity(providerId);
  }

  private final String providerId;

  private ProviderEntity(String providerId) {
    super(PersistenceId.of(TYPE_KEY.name(), providerId));
    this.providerId = providerId;
  }

  @Override
  public State emptyState() {
    return new State(null, null, Amount.zero(Asset.BHKR), Balances.empty(), Map.of(), Set.of(), Seen.none());
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Apply.class, this::onApply)
        .onCommand(Receive.class, (s, c) -> {
          Receipt receipt = new Receipt(c.dispatch().id());
          if (s.seen().contains(c.dispatch().id())) return Effect().reply(c.replyTo(), receipt);
          return Effect().persist(new DispatchReceived(c.dispatch())).thenReply(c.replyTo(), ns -> receipt);
        })
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
        .build();
  }

  private ReplyEffect<DomainEvent, State> onApply(State s, Apply c) {
    if (s.application() != null) return Effect().reply(c.replyTo(), new ApplicationRefused("provider " + providerId + " has already applied"));
    if (c.brandName() == null || c.brandName().isBlank() || c.brandName().length() > 100)
      return Effect().reply(c.replyTo(), new ApplicationRefused("brandName must be 1 to 100 characters"));
    if (c.maxPrice().asset() != Asset.BHKR || c.maxPrice().isZero())
      return Effect().reply(c.replyTo(), new ApplicationRefused("maxPrice must be a positive BHKR amount"));
    return Effect()
        .persist(new ProviderApplied(providerId, c.brandName(), c.capacity(), c.maxPrice(), c.appliedAt()))
        .thenReply(c.replyTo(), ns -> new Applied(providerId));
  }

  @Override
  public EventHandler<State, DomainEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(ProviderApplied.class, State::applied)
        .onEvent(DispatchReceived.class, (s, e) -> s.with(e.dispatch()))
        .build();
  }

  @Override
  public Set<String> tagsFor(DomainEvent event) {
    return ValueEvent.tags(TAG, event);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  private ProviderView view(State s) {
    if (s.application() == null) return new ProviderView(providerId, Status.NONE, null, Resources.NONE, Resources.NONE,
        Amount.zero(Asset.BHKR), s.collateral(), 0, Set.of());
    return new ProviderView(providerId, s.status(), s.application().brandName(), s.application().capacity(),
        s.freeCapacity(), s.application().maxPrice(), s.collateral(), s.score(), Set.copyOf(s.awarded().keySet()));
  }
}
