package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's vault withdrawals: those it watches (signed by the platform, not yet seen paid or
 * expired), and the verdicts it has not yet delivered to their accounts. A withdrawal is keyed by
 * account and nonce. Immutable; the bridge's events drive it. Pure.
 */
public record WithdrawalWatch(Map<String, Watched> watched, Map<String, Settlement> settlements) implements JsonSerializable {

  /** A withdrawal the market signed: the account's vault nonce and the deadline (unix seconds). */
  public record Watched(String account, long nonce, long deadline) implements JsonSerializable {
    public String key() {
      return WithdrawalWatch.key(account, nonce);
    }
  }

  /** What the account is told until it acknowledges: paid on chain, or expired unused. */
  public record Settlement(String account, long nonce, boolean paid) implements JsonSerializable {}

  public WithdrawalWatch {
    watched = Collections.unmodifiableMap(new LinkedHashMap<>(watched == null ? Map.of() : watched));
    settlements = Collections.unmodifiableMap(new LinkedHashMap<>(settlements == null ? Map.of() : settlements));
  }

  public static WithdrawalWatch empty() {
    return new WithdrawalWatch(Map.of(), Map.of());
  }

  public static String key(String account, long nonce) {
    return account + ":" + nonce;
  }

  /** Whether this withdrawal is watched or has a verdict on its way (a second Watch changes nothing). */
  public boolean knows(String key) {
    return watched.containsKey(key) || settlements.containsKey(key);
  }

  WithdrawalWatch watch(Watched w) {
    Map<String, Watched> next = new LinkedHashMap<>(watched);
    next.put(w.key(), w);
    return new WithdrawalWatch(next, settlements);
  }

  /** Confirmed Withdrawn logs: each is paid, watched or not (the vault paid only what the platform signed). */
  WithdrawalWatch paid(List<ChainWithdrawal> withdrawals) {
    Map<String, Watched> w = new LinkedHashMap<>(watched);
    Map<String, Settlement> s = new LinkedHashMap<>(settlements);
    for (ChainWithdrawal paid : withdrawals) {
      w.remove(paid.key());
      s.put(paid.key(), new Settlement(paid.account(), paid.nonce(), true));
    }
    return new WithdrawalWatch(w, s);
  }

  /** Past the deadline with the nonce unused: the vault can never pay it, so the account gets it back. */
  WithdrawalWatch expired(String key) {
    Map<String, Watched> w = new LinkedHashMap<>(watched);
    Watched gone = w.remove(key);
    if (gone == null) return this;
    Map<String, Settlement> s = new LinkedHashMap<>(settlements);
    s.put(key, new Settlement(gone.account(), gone.nonce(), false));
    return new WithdrawalWatch(w, s);
  }

  /** Past the deadline with the nonce used: its log was read already; nothing left to watch. */
  WithdrawalWatch unwatched(String key) {
    Map<String, Watched> w = new LinkedHashMap<>(watched);
    w.remove(key);
    return new WithdrawalWatch(w, settlements);
  }

  /** The account applied the verdict. */
  WithdrawalWatch settled(String key) {
    Map<String, Settlement> s = new LinkedHashMap<>(settlements);
    s.remove(key);
    return new WithdrawalWatch(watched, s);
  }
}
