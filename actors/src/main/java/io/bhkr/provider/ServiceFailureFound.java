package io.bhkr.provider;

import io.bhkr.provider.ServiceFailureFound;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;
import java.math.BigInteger;

/**
 * A provider's journal found that the node running a project was audited below slaUptimeBps since
 * the project started (economics 7): the project fails at {@code at}, the period's close, valued at
 * the prices then in force.
 */
public record ServiceFailureFound(String id, Party from, Party to, String projectId, String nodeId, int uptimeBps,
    int slaUptimeBps, long at, BigInteger bhkrPriceMicroUsd, BigInteger ethPriceMicroUsd) implements Dispatch {}
