package io.bhkr.transfer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.bhkr.money.Amount;
import io.bhkr.serialization.JsonSerializable;
import java.util.Optional;

/**
 * Something one entity owes another: value (a {@link Transfer}) or a fact the other must learn
 * (a notice). The sender persists it in its outbox before it is sent, sends it until the receiver
 * confirms, and the receiver applies each id once. So nothing is lost or applied twice, whatever
 * crashes or redeliveries happen in between.
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
public sealed interface Dispatch extends JsonSerializable
    permits Transfer, ProjectFunding, ProjectAwarded, ProjectReleased, ProviderQualified, InsuranceExcessDecided,
        CollateralClaim, MicroPoolOpening, MicroPoolMigrationOrdered, MicroPoolMigration, ProviderDisqualification, ProviderKSet,
        PeriodAudited, ServiceFailureFound, ProjectPlaced, ProjectUnplaced, BidOutcome, NodeDeclared, MicroPoolSlashingClaim,
        ProviderSlashed {

  /** Globally unique: the receiver's once-only guarantee rests on it. */
  String id();

  Party from();

  Party to();

  /** The value this dispatch carries, if any. */
  default Optional<Amount> value() {
    return Optional.empty();
  }
}
