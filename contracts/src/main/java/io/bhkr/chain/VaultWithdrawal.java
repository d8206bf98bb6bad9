package io.bhkr.chain;

import io.bhkr.bytes.Hex;
import io.bhkr.rules.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/**
 * A withdrawal from the custody vault, and its EIP-712 digest and signatures exactly as
 * {@code CustodyVault.withdrawalDigest} computes them. The platform signs one, the account signs
 * the same, and the vault pays only with both. Pure (signing is deterministic, RFC 6979).
 *
 * @param asset    the token's address, or {@link SettlementEpoch#ETH} for ETH
 * @param deadline unix seconds after which the vault refuses it
 */
public record VaultWithdrawal(String account, String asset, BigInteger amount, String to, BigInteger nonce, BigInteger deadline) {

  private static final byte[] DOMAIN_TYPE = keccak("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
  private static final byte[] WITHDRAWAL_TYPE =
      keccak("Withdrawal(address account,address asset,uint256 amount,address to,uint256 nonce,uint256 deadline)");
  private static final byte[] NAME = keccak("BHKR Custody Vault");
  private static final byte[] VERSION = keccak("1");

  public byte[] digest(long chainId, String vault) {
    byte[] domain = Keccak256.hash(DOMAIN_TYPE, NAME, VERSION, word(BigInteger.valueOf(chainId)), address(vault));
    byte[] struct = Keccak256.hash(WITHDRAWAL_TYPE, address(account), address(asset), word(amount), address(to), word(nonce), word(deadline));
    return Keccak256.hash(new byte[] {0x19, 0x01}, domain, struct);
  }

  /** r ‖ s ‖ v (v = 27 or 28), the 65 bytes OpenZeppelin's ECDSA.recover takes. */
  public byte[] sign(Credentials key, long chainId, String vault) {
    Sign.SignatureData s = Sign.signMessage(digest(chainId, vault), key.getEcKeyPair(), false);
    byte[] out = new byte[65];
    System.arraycopy(s.getR(), 0, out, 0, 32);
    System.arraycopy(s.getS(), 0, out, 32, 32);
    out[64] = s.getV()[0];
    return out;
  }

  private static byte[] keccak(String text) {
    return Keccak256.hash(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] address(String address) {
    return word(new BigInteger(1, Hex.decode(address)));
  }

  private static byte[] word(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) throw new IllegalArgumentException("not a uint256: " + value);
    byte[] b = value.toByteArray();
    byte[] out = new byte[32];
    int skip = Math.max(0, b.length - 32);
    System.arraycopy(b, skip, out, 32 - (b.length - skip), b.length - skip);
    return out;
  }
}
