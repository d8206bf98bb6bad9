package io.bhkr.micropool;

import io.bhkr.serialization.JsonSerializable;

/**
 * Why a micro-pool refused a command, typed so a client branches on {@code kind} and never on the
 * wording of {@code reason}, which is for people.
 */
public record MicroPoolRefusal(Kind kind, String reason) implements JsonSerializable {

  public enum Kind {
    /** The pool is not OPEN (closing, staking). */
    NOT_OPEN,
    /** The pool is OPEN but its end time has not come (closing). */
    NOT_ENDED,
    /** The pool is OPEN but its end time has come: it takes no more stakes. */
    STAKING_ENDED,
    /** The pool is not ACTIVE (slashing, completion). */
    NOT_ACTIVE,
    /** The pool has opened already (opening). */
    ALREADY_OPENED,
    /** Terms no pool opens on: fp not in BHKR, a chain pool that is no lowercase address (opening). */
    INVALID_TERMS,
    /** A pool whose principal is on chain with a provider's k of the whole validator stake: no room for stakers (opening). */
    NO_ROOM_FOR_STAKERS,
    /** Only the pool's provider does this (completion, closing). */
    NOT_THE_PROVIDER,
    /** The pool's principal is held on chain, where this is not done (stakes are taken there). */
    PRINCIPAL_ON_CHAIN,
    /** The loss is not more than 0 and at most the validator's balance (slashing). */
    LOSS_OUT_OF_RANGE,
    /** More aETH back than the holder staked (OPEN, CLOSED) or than the pool owes its holders (COMPLETED, MIGRATED). */
    INSUFFICIENT_STAKE,
    /** A redemption while the Insurance Pool still owes the pool part of its stakers' slashing loss. */
    AWAITING_REFUND,
    /** aETH back while the pool is ACTIVE (or not yet open): nothing is withdrawn until completion. */
    NOT_WITHDRAWABLE
  }
}
