package io.bhkr.persistence.entities;

import static io.bhkr.persistence.entities.LocalMarket.bhkr;
import static io.bhkr.persistence.entities.LocalMarket.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.money.Asset;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.PoolView;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectStatus;
import io.bhkr.project.ProjectView;
import io.bhkr.provider.ProviderEntity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core-market entities on a real journal: governance qualifies a provider, it stakes
 * collateral, a project is funded, bid on, closed by its timer and settled (vector S1). Then the
 * actor system stops and a new one recovers every entity from the journal alone, and delivers
 * what was still in flight: the Insurance Pool was unreachable before the "crash" and receives
 * its legs afterwards, once. On each journal profile.
 */
class EntityRecoveryTest {

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void everyEntityRecoversFromTheJournalAndDeliversWhatWasInFlight(JournalProfile profile, @TempDir Path dir) {
    String projectId = "project-" + System.nanoTime();
    try (TestJournal journal = TestJournal.create(profile, dir)) {
      Map<String, Object> written;
      try (LocalMarket before = new LocalMarket("before", journal.config())) {
        LocalMarket.Entities e = before.spawnCore(projectId); // no Insurance Pool: its legs stay in flight
        before.settleS1(e, projectId);
        written = views(before, e);
      }
      try (LocalMarket after = new LocalMarket("after", journal.config())) {
        LocalMarket.Entities e = after.spawnCore(projectId);
        assertEquals(written, views(after, e), "every entity recovers exactly its state");
        var insurance = after.openInsurancePool();
        after.await("the insurance legs arrive after the restart", () -> {
          PoolView pool = after.ask(insurance, InsurancePoolEntity.Get::new);
          return pool.balances().of(Asset.BHKR).equals(bhkr(10)) && pool.balances().of(Asset.ETH).equals(eth(30));
        });
        assertEquals(ProjectStatus.SETTLED, after.<ProjectView>ask(e.project(), ProjectEntity.Get::new).status());
        assertEquals(bhkr(60), after.<AccountEntity.AccountView>ask(e.providerAccount(), AccountEntity.Get::new)
            .balances().of(Asset.BHKR));
      }
    }
  }

  private static Map<String, Object> views(LocalMarket m, LocalMarket.Entities e) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("requester", m.ask(e.requester(), AccountEntity.Get::new));
    v.put("provider account", m.ask(e.providerAccount(), AccountEntity.Get::new));
    v.put("provider", m.ask(e.provider(), ProviderEntity.Get::new));
    v.put("project", m.ask(e.project(), ProjectEntity.Get::new));
    v.put("reward", m.ask(e.reward(), RewardPoolEntity.Get::new));
    v.put("governance", ((GovernanceEntity.GovernanceView) m.ask(e.governance(), GovernanceEntity.Get::new)).proposals());
    return v;
  }
}
