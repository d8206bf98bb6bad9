package io.bhkr.micropool;

import io.bhkr.micropool.ProviderSlashed;
import io.bhkr.money.Amount;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/**
 * A micro-pool tells its provider that its validator was slashed by {@code loss} at {@code at}, of
 * which the provider's share k absorbed {@code providerLoss}: the slashing penalty enters its score
 * (economics 8).
 */
public record ProviderSlashed(String id, Party from, Party to, String poolId, Amount loss, Amount providerLoss, long at)
    implements Dispatch {}
