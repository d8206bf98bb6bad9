package io.bhkr.cli;

import io.bhkr.http.auth.DevelopmentAccounts;
import java.io.PrintStream;

/** {@code accounts}: the development accounts and the roles the development genesis gives them. */
final class AccountsCommand {

  static final int SHOWN = 10;
  static final int MOST = 1_000;

  private AccountsCommand() {}

  static void print(PrintStream out) {
    print(out, SHOWN);
  }

  static void print(PrintStream out, int count) {
    out.println("Development accounts of the mnemonic \"" + DevelopmentAccounts.MNEMONIC + "\"\n(their keys are public knowledge: never use them outside development):");
    for (int i = 0; i < count; i++) out.printf("%2d  %s  %s%n", i, DevelopmentAccounts.address(i), role(i));
    out.println("Sign a request as one of them with: call --as N METHOD PATH [JSON-BODY]");
  }

  /** As api.md's development profile (and Node.developmentGenesis) assigns them. */
  static String role(int index) {
    if (index == 0) return "operator";
    if (index <= 3) return "governor";
    return "participant";
  }
}
