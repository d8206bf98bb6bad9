package io.bhkr.replay;

import io.bhkr.account.AccountEntity;
import io.bhkr.audit.AuditRoundEntity;
import io.bhkr.audit.AuditRoundState;
import io.bhkr.chain.PayoutEpochs;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.GovernanceState;
import io.bhkr.governance.Parameters;
import io.bhkr.micropool.MicroPoolState;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.nodes.NodeState;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.PoolState;
import io.bhkr.pool.PoolView;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectState;
import io.bhkr.provider.ProviderState;
import io.bhkr.serialization.DomainEvent;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Every market entity's state, folded from the journal with the entities' own event handlers
 * (the {@code apply} of each aggregate), so a replay sees each entity exactly as the node did
 * after the same events. Entities of other kinds (nonce books, quotes, the chain bridge)
 * are not folded: no decision reads them.
 */
public final class MarketFold {

  private record Fold<S>(Supplier<S> empty, BiFunction<S, DomainEvent, S> apply) {}

  private static final Map<String, Fold<?>> FOLDS = Map.of(
      "Account", new Fold<>(AccountEntity::empty, AccountEntity::apply),
      "Project", new Fold<>(ProjectState::empty, ProjectEntity::apply),
      "Provider", new Fold<ProviderState>(ProviderState::empty, ProviderState::apply),
      "Node", new Fold<>(NodeState::empty, NodeEntity::apply),
      "MicroPool", new Fold<MicroPoolState>(MicroPoolState::empty, MicroPoolState::apply),
      "Pool|" + PoolView.REWARD, new Fold<>(PoolState::empty, RewardPoolEntity::apply),
      "Pool|" + PoolView.INSURANCE, new Fold<>(PoolState::empty, InsurancePoolEntity::apply),
      "Governance", new Fold<>(GovernanceEntity::empty, GovernanceEntity::apply),
      "AuditRound", new Fold<>(AuditRoundState::empty, AuditRoundEntity::next),
      "PayoutEpochs", new Fold<>(PayoutEpochs::empty, PayoutEpochs::apply));

  private final Map<String, Object> states = new HashMap<>();

  /** Folds one replayed event into its entity's state. */
  public void apply(Replayed r) {
    if (!(r.event() instanceof DomainEvent e)) return;
    Fold<?> fold = fold(r.row().persistenceId(), r.row().entityType());
    if (fold != null) states.put(r.row().persistenceId(), applied(fold, states.get(r.row().persistenceId()), e));
  }

  @SuppressWarnings("unchecked")
  private static <S> S applied(Fold<S> fold, Object state, DomainEvent e) {
    return fold.apply().apply(state == null ? fold.empty().get() : (S) state, e);
  }

  private static Fold<?> fold(String persistenceId, String type) {
    Fold<?> f = FOLDS.get(persistenceId);
    return f != null ? f : FOLDS.get(type);
  }

  /** The state of entity {@code persistenceId} now, or its empty state. */
  @SuppressWarnings("unchecked")
  public <S> S state(String persistenceId) {
    Object s = states.get(persistenceId);
    if (s != null) return (S) s;
    int bar = persistenceId.indexOf('|');
    Fold<?> f = fold(persistenceId, bar < 0 ? persistenceId : persistenceId.substring(0, bar));
    return f == null ? null : (S) f.empty().get();
  }

  /** Every folded entity of a type ("Account", "Provider", …), by id. */
  @SuppressWarnings("unchecked")
  public <S> Map<String, S> all(String type) {
    Map<String, S> out = new TreeMap<>();
    states.forEach((pid, s) -> {
      if (pid.startsWith(type + "|")) out.put(pid.substring(type.length() + 1), (S) s);
    });
    return Collections.unmodifiableMap(out);
  }

  /** The governance parameters in force, or null before the genesis. */
  public Parameters parameters() {
    GovernanceState g = state("Governance|" + GovernanceEntity.ID);
    return g == null || g.genesis() == null ? null : g.genesis().parameters();
  }
}
