package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class CommonPoolTest {

  @Test
  void automaticIsTwiceTheCoresAndAtLeastFour() {
    var auto = ConfigFactory.parseString("bhkr.common-pool-parallelism = 0");
    assertEquals(4, CommonPool.parallelism(auto, 1));
    assertEquals(4, CommonPool.parallelism(auto, 2));
    assertEquals(16, CommonPool.parallelism(auto, 8));
  }

  @Test
  void aConfiguredSizeWins() {
    assertEquals(6, CommonPool.parallelism(ConfigFactory.parseString("bhkr.common-pool-parallelism = 6"), 2));
  }

  @Test
  void theNodeConfigurationAsksForAutomatic() {
    assertEquals(0, ConfigFactory.load().getInt("bhkr.common-pool-parallelism"));
  }
}
