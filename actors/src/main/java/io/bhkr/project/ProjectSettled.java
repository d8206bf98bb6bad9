package io.bhkr.project;

import io.bhkr.money.Amount;
import java.util.List;

/**
 * The profit arrived and the escrow was split per asset (economics 3); every leg is listed, zero
 * legs too. {@code at} is when the winner paid the profit in: the project ran until then.
 */
public record ProjectSettled(Amount profit, List<SettlementLeg> legs, long at) implements ProjectEvents {}
