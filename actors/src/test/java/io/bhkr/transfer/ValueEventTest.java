package io.bhkr.transfer;

import io.bhkr.account.AccountEntity;
import io.bhkr.project.ProjectAwarded;
import io.bhkr.rules.Resources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static io.bhkr.testing.EntityTests.bhkr;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueEventTest {

  private final Transfer transfer = new Transfer("t-1", Party.account("0xa"), Party.REWARD_POOL, bhkr(5), Purpose.PAYMENT, "test", 0);
  private final ProjectAwarded notice = new ProjectAwarded("award:p", Party.project("p"), Party.provider("0xb"), "p", Resources.NONE, 0);

  @Test
  void valueMovementsSayWhatTheyMoveAndCarryTheLedgerTag() {
    assertEquals(List.of(new ValueChange(ValueChange.Kind.SENT, "t-1", bhkr(5))), new DispatchSent(transfer).changes());
    assertEquals(List.of(new ValueChange(ValueChange.Kind.RECEIVED, "t-1", bhkr(5))), new DispatchReceived(transfer).changes());
    assertEquals(List.of(new ValueChange(ValueChange.Kind.DEPOSITED, "d-1", bhkr(7))),
        new AccountEntity.DepositReceived("d-1", bhkr(7)).changes());
    assertEquals(Set.of("account", "ledger"), ValueEvent.tags("account", new DispatchSent(transfer)));
  }

  @Test
  void noticesAndOtherFactsStayOutOfTheLedger() {
    assertEquals(List.of(), new DispatchSent(notice).changes());
    assertEquals(Set.of("project"), ValueEvent.tags("project", new DispatchSent(notice)));
    assertEquals(Set.of("project"), ValueEvent.tags("project", new DispatchConfirmed("t-1")));
  }
}
