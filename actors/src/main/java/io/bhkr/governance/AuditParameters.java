package io.bhkr.governance;

import io.bhkr.serialization.JsonSerializable;

/** Peer audits by sidecars (economics 9). */
public record AuditParameters(int auditK, long auditPeriodSeconds, int disputeLimit, int disputeToleranceBps)
    implements JsonSerializable {

  public AuditParameters {
    if (auditK < 1) throw new IllegalArgumentException("auditK must be at least 1");
    if (auditPeriodSeconds <= 0) throw new IllegalArgumentException("auditPeriodSeconds must be positive");
  }

  /** k = 3 auditors per node, hourly, 3 dispute marks; a report more than 0.25 (2500 bp) from the median is disputed. */
  public static AuditParameters defaults() {
    return new AuditParameters(3, 3_600, 3, 2_500);
  }
}
