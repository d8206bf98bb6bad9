package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.http.auth.DevelopmentAccounts;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The command line without a node: help, the development accounts, and refusals of bad input. */
class CommandLineIT {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "--bogus",
      "run --http-port 99999",
      "--http-port",
      "--profile mongo",
      "--postgres-url jdbc:postgresql://127.0.0.1:5432/x",
      "--profile postgres --postgres-url mysql://host/db",
      "frobnicate",
      "call GET",
      "call --as 0 --key 0x01 GET /health",
      "call FETCH /health",
      "accounts extra",
      "audit extra",
      "audit --as 0"})
  void aBadCommandLineExitsWith2AndShowsTheUsage(String commandLine) {
    NodeProcess.Finished run = NodeProcess.runToEnd("bad-" + commandLine.replaceAll("[^A-Za-z0-9]+", "_"),
        List.of(commandLine.split(" ")));
    assertAll(
        () -> assertEquals(2, run.exitCode(), run.output()),
        () -> assertTrue(run.output().contains("bhkr: "), run.output()),
        () -> assertTrue(run.output().contains("Usage:"), run.output()),
        () -> assertTrue(!run.output().contains("Starting BHKR node"), "started a node anyway:\n" + run.output()));
  }

  @Test
  void helpPrintsTheUsage() {
    NodeProcess.Finished run = NodeProcess.runToEnd("help", List.of("--help"));
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("java -jar bhkr.jar call"), run.output());
  }

  @Test
  void accountsListsTheDevelopmentRoles() {
    NodeProcess.Finished run = NodeProcess.runToEnd("accounts", List.of("accounts"));
    assertEquals(0, run.exitCode(), run.output());
    assertAll(
        () -> assertTrue(run.output().contains(DevelopmentAccounts.address(0) + "  operator"), run.output()),
        () -> assertTrue(run.output().contains(DevelopmentAccounts.address(3) + "  governor"), run.output()),
        () -> assertTrue(run.output().contains(DevelopmentAccounts.address(9) + "  participant"), run.output()));
  }

  @Test
  void callWithoutANodeSaysSoAndExitsWith1() {
    // Port 9 (discard) on loopback: nothing of ours listens there.
    NodeProcess.Finished run = NodeProcess.runToEnd("call-nothing", List.of("call", "--api", "http://127.0.0.1:9", "GET", "/health"));
    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("no answer from http://127.0.0.1:9"), run.output());
  }
}
