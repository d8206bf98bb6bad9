package io.bhkr.governance;

import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;

/** A candidate for a seat: the BHKR it staked with governance and when it first applied (the tie-break). */
public record Candidacy(BigInteger stake, long appliedAt) implements JsonSerializable {}
