package io.bhkr.audit;

import java.util.List;
import java.util.Map;

/**
 * A period's assignment (economics 9) with every input to recompute it:
 * {@code seed = keccak256(uint256(period) || beacon)}, the active {@code nodes}, and {@code k}.
 *
 * @param assignment auditor node id → its targets
 */
public record AuditPeriodOpened(long period, long periodSeconds, int k, String beacon, String seed, List<String> nodes,
    Map<String, List<String>> assignment, long at) implements AuditRoundEvents {}
