package io.bhkr.governance;

import io.bhkr.governance.InsuranceExcessDecided;
import io.bhkr.money.Amount;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;
import java.math.BigInteger;

/**
 * Governance's decision on the Insurance Pool's excess above {@code cap}: move up to {@code amount}
 * to the Reward Pool ("TO_REWARD") or burn it ("BURN").
 */
public record InsuranceExcessDecided(String id, Party from, Party to, String proposalId, String action, Amount amount,
    BigInteger cap, long at) implements Dispatch {}
