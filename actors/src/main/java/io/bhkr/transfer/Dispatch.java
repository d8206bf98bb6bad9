package io.bhkr.transfer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.bhkr.audit.PeriodAudited;
import io.bhkr.governance.InsuranceExcessDecided;
import io.bhkr.governance.MicroPoolMigrationOrdered;
import io.bhkr.governance.ProviderDisqualification;
import io.bhkr.governance.ProviderKSet;
import io.bhkr.governance.ProviderQualified;
import io.bhkr.micropool.MicroPoolSlashingClaim;
import io.bhkr.micropool.ProviderSlashed;
import io.bhkr.money.Amount;
import io.bhkr.nodes.NodeDeclared;
import io.bhkr.project.BidOutcome;
import io.bhkr.project.CollateralClaim;
import io.bhkr.project.ProjectAwarded;
import io.bhkr.project.ProjectReleased;
import io.bhkr.provider.ProjectPlaced;
import io.bhkr.provider.ProjectUnplaced;
import io.bhkr.provider.ServiceFailureFound;
import io.bhkr.serialization.JsonSerializable;
import java.util.Optional;

/**
 * Something one entity owes another: value (a {@link Transfer}) or a fact the other must learn
 * (a notice). The sender persists it in its outbox before it is sent, sends it until the receiver
 * confirms, and the receiver applies each id once. So nothing is lost or applied twice, whatever
 * crashes or redeliveries happen in between.
 *
 * <p>Value (a transfer, a project's funding, a micro-pool's opening or migration) is defined here;
 * a notice lives with the aggregate that sends it. Java seals an interface only within its own
 * package (outside named modules), so the list below is the closed set instead: a dispatch
 * travels by its name there, and {@code EventSchemaTest} checks every dispatch class is on it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Transfer.class, name = "Transfer"),
  @JsonSubTypes.Type(value = ProjectFunding.class, name = "ProjectFunding"),
  @JsonSubTypes.Type(value = ProjectAwarded.class, name = "ProjectAwarded"),
  @JsonSubTypes.Type(value = ProjectReleased.class, name = "ProjectReleased"),
  @JsonSubTypes.Type(value = ProviderQualified.class, name = "ProviderQualified"),
  @JsonSubTypes.Type(value = InsuranceExcessDecided.class, name = "InsuranceExcessDecided"),
  @JsonSubTypes.Type(value = CollateralClaim.class, name = "CollateralClaim"),
  @JsonSubTypes.Type(value = MicroPoolOpening.class, name = "MicroPoolOpening"),
  @JsonSubTypes.Type(value = MicroPoolMigrationOrdered.class, name = "MicroPoolMigrationOrdered"),
  @JsonSubTypes.Type(value = MicroPoolMigration.class, name = "MicroPoolMigration"),
  @JsonSubTypes.Type(value = ProviderDisqualification.class, name = "ProviderDisqualification"),
  @JsonSubTypes.Type(value = ProviderKSet.class, name = "ProviderKSet"),
  @JsonSubTypes.Type(value = PeriodAudited.class, name = "PeriodAudited"),
  @JsonSubTypes.Type(value = ServiceFailureFound.class, name = "ServiceFailureFound"),
  @JsonSubTypes.Type(value = ProjectPlaced.class, name = "ProjectPlaced"),
  @JsonSubTypes.Type(value = ProjectUnplaced.class, name = "ProjectUnplaced"),
  @JsonSubTypes.Type(value = BidOutcome.class, name = "BidOutcome"),
  @JsonSubTypes.Type(value = NodeDeclared.class, name = "NodeDeclared"),
  @JsonSubTypes.Type(value = MicroPoolSlashingClaim.class, name = "MicroPoolSlashingClaim"),
  @JsonSubTypes.Type(value = ProviderSlashed.class, name = "ProviderSlashed")
})
public interface Dispatch extends JsonSerializable {

  /** Globally unique: the receiver's once-only guarantee rests on it. */
  String id();

  Party from();

  Party to();

  /** The value this dispatch carries, if any. */
  default Optional<Amount> value() {
    return Optional.empty();
  }
}
