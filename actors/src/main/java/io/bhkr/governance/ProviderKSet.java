package io.bhkr.governance;

import io.bhkr.governance.ProviderKSet;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;
import java.math.BigInteger;

/**
 * Governance's decision (a passed SET_PROVIDER_K proposal) on the ETH share {@code kWei} (wei, 0 to
 * 16 ETH) the provider stakes per validator while its trust tier is the middle one (economics 6).
 */
public record ProviderKSet(String id, Party from, Party to, String proposalId, BigInteger kWei) implements Dispatch {}
