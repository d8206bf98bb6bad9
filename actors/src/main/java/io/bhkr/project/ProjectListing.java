package io.bhkr.project;

import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.ProjectFunding;
import java.util.Optional;

/**
 * What a listing of projects knows of one project: who asked for it, who won it, and where it is
 * in its life. Follows the project's events the way {@link ProjectState} does for these three
 * fields (a test holds the two together), so the read side filters by them without the entity.
 */
public record ProjectListing(String requester, String provider, ProjectStatus status) {

  public static final ProjectListing NONE = new ProjectListing(null, null, ProjectStatus.NONE);

  /** The listing after {@code e}, or empty when {@code e} changes none of its fields. */
  public Optional<ProjectListing> next(DomainEvent e) {
    if (e instanceof DispatchReceived r && r.dispatch() instanceof ProjectFunding f && status == ProjectStatus.NONE)
      return Optional.of(new ProjectListing(f.from().id(), null, ProjectStatus.BIDDING));
    if (e instanceof AuctionClosed a)
      return Optional.of(new ProjectListing(requester, a.winner(), a.winner() == null ? ProjectStatus.UNASSIGNED : ProjectStatus.RUNNING));
    if (e instanceof ProjectSettled) return Optional.of(new ProjectListing(requester, provider, ProjectStatus.SETTLED));
    if (e instanceof ProjectFailed) return Optional.of(new ProjectListing(requester, provider, ProjectStatus.FAILED));
    return Optional.empty();
  }
}
