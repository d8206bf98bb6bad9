package io.bhkr.governance;

import io.bhkr.governance.GovernanceEntity.GovernanceFounded;
import io.bhkr.governance.GovernanceEntity.ParameterChanged;
import io.bhkr.serialization.DomainEvent;
import java.util.List;

/**
 * The parameters in force at any moment, recomputed from the governance journal alone: the
 * genesis parameters, then every {@link ParameterChanged} whose time is at or before that moment.
 */
public final class ParameterHistory {

  private ParameterHistory() {}

  /** @param journal the governance entity's events in journal order */
  public static Parameters inForceAt(List<DomainEvent> journal, long at) {
    Parameters inForce = null;
    for (DomainEvent e : journal) {
      if (e instanceof GovernanceFounded f && inForce == null) inForce = f.genesis().parameters();
      if (e instanceof ParameterChanged c && c.at() <= at) inForce = c.parameters();
    }
    if (inForce == null) throw new IllegalArgumentException("the journal holds no genesis");
    return inForce;
  }
}
