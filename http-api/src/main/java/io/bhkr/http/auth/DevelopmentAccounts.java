package io.bhkr.http.auth;

import java.util.Locale;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The accounts of the standard development mnemonic (the ones anvil and Hardhat print), which
 * the development profile gives roles: 0 the operator, 1..3 the genesis governors. Their keys
 * are public knowledge: never use them outside development.
 */
public final class DevelopmentAccounts {

  public static final String MNEMONIC = "test test test test test test test test test test test junk";

  private DevelopmentAccounts() {}

  /** The key at m/44'/60'/0'/0/{@code index}. */
  public static Credentials credentials(int index) {
    if (index < 0) throw new IllegalArgumentException("account index must not be negative: " + index);
    int hardened = Bip32ECKeyPair.HARDENED_BIT;
    int[] path = {44 | hardened, 60 | hardened, 0 | hardened, 0, index};
    return Credentials.create(Bip32ECKeyPair.deriveKeyPair(Master.KEY, path));
  }

  /** The lowercase 0x address at m/44'/60'/0'/0/{@code index}. */
  public static String address(int index) {
    return credentials(index).getAddress().toLowerCase(Locale.ROOT);
  }

  /** Built on first use only: the seed costs 2048 rounds of PBKDF2. */
  private static final class Master {
    static final Bip32ECKeyPair KEY =
        Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
  }
}
