package io.bhkr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bhkr.bytes.Hex;
import io.bhkr.chain.SettlementEpoch;
import io.bhkr.chain.VaultWithdrawal;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.http.client.SignedClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code chain} steps, each sent from the wallet's key: what it did is printed with the
 * transaction's hash; a refusal throws with the reason in one line (the contract's error, the
 * node's problem title and detail).
 */
final class ChainSteps {

  /** The node answered a request with an error, or not at all. */
  static final class NodeRefused extends RuntimeException {
    NodeRefused(String message) {
      super(message);
    }
  }

  private static final BigInteger VALIDATOR = ChainDeployCommand.VALIDATOR_STAKE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChainWallet wallet;
  private final PrintWriter out;

  ChainSteps(ChainWallet wallet, PrintWriter out) {
    this.wallet = wallet;
    this.out = out;
  }

  int deposit(String asset, BigInteger amount, String account) {
    String to = account == null ? wallet.address() : account;
    String vault = wallet.contracts.vault();
    ChainWallet.Sent sent;
    if (asset.equals("ETH")) {
      sent = wallet.send("CustodyVault.depositEth", vault, amount, wallet.vault().depositEth(to, amount));
    } else {
      haveBhkr(amount);
      allow(vault, "the vault", amount);
      sent = wallet.send("CustodyVault.depositBhkr", vault, BigInteger.ZERO, wallet.vault().depositBhkr(to, amount));
    }
    out.println("deposited " + amount + " " + asset + " base units for " + to + " into the vault " + vault + ": tx " + sent.hash()
        + " (block " + sent.block() + ")");
    out.println("the node credits it once that block is --chain-confirmations deep: GET /api/v1/accounts/" + to);
    return 0;
  }

  int withdraw(URI api, String asset, BigInteger amount, String to) {
    String account = wallet.address();
    ObjectNode body = JSON.createObjectNode();
    body.putObject("amount").put("asset", asset).put("amount", amount.toString());
    if (to != null) body.put("to", to);
    JsonNode signed = node(api, "POST", "/api/v1/accounts/" + account + "/vault-withdrawals", body.toString());
    VaultWithdrawal w = new VaultWithdrawal(signed.get("account").asText(), signed.get("asset").asText(),
        new BigInteger(signed.get("amount").get("amount").asText()), signed.get("to").asText(),
        new BigInteger(signed.get("nonce").asText()), BigInteger.valueOf(signed.get("deadline").asLong()));
    String vault = signed.get("vault").asText();
    String reserved = "the node reserved " + amount + " " + asset + " under vault nonce " + w.nonce() + ", valid until "
        + java.time.Instant.ofEpochSecond(w.deadline().longValueExact());
    out.println(reserved + " and signed it as the platform");
    String unused = "; unused, it comes back to the account after its deadline";
    if (!vault.equalsIgnoreCase(wallet.contracts.vault()) || signed.get("chainId").asLong() != wallet.contracts.chainId())
      throw new ChainWallet.Refused("the node signed for vault " + vault + " on chain " + signed.get("chainId").asText()
          + ", but the contracts file names vault " + wallet.contracts.vault() + " on chain " + wallet.contracts.chainId() + unused);
    byte[] platform = Hex.decode(signed.get("platformSignature").asText());
    byte[] own = w.sign(wallet.key, wallet.contracts.chainId(), vault);
    CustodyVault.Withdrawal struct = new CustodyVault.Withdrawal(w.account(), w.asset(), w.amount(), w.to(), w.nonce(), w.deadline());
    ChainWallet.Sent sent;
    try {
      sent = wallet.send("CustodyVault.withdraw", vault, BigInteger.ZERO, wallet.vault().withdraw(struct, platform, own));
    } catch (ChainWallet.Refused e) {
      throw new ChainWallet.Refused(e.getMessage() + unused);
    }
    out.println("the vault paid " + amount + " " + asset + " base units to " + w.to() + " with both signatures: tx " + sent.hash()
        + " (block " + sent.block() + ")");
    out.println("the node counts it withdrawn once that block is confirmed: GET /api/v1/accounts/" + account);
    return 0;
  }

  int claim(URI api, String account) {
    String whose = account == null ? wallet.address() : account;
    JsonNode claims = node(api, "GET", "/api/v1/accounts/" + whose + "/claims", null).path("claims");
    List<JsonNode> open = new ArrayList<>();
    claims.forEach(c -> {
      if (!c.path("claimed").asBoolean(false)) open.add(c);
    });
    if (open.isEmpty()) {
      out.println("nothing to claim for " + whose + (claims.isEmpty() ? ": no funded payout epoch has a payout of it"
          : ": its " + claims.size() + " payout(s) are claimed"));
      return 0;
    }
    for (JsonNode c : open) {
      String anchor = c.get("anchor").asText();
      if (!anchor.equalsIgnoreCase(wallet.contracts.anchor()))
        throw new ChainWallet.Refused("the node's anchor is " + anchor + ", the contracts file names " + wallet.contracts.anchor());
      BigInteger epoch = new BigInteger(c.get("epoch").asText());
      BigInteger amount = new BigInteger(c.get("amount").asText());
      String asset = c.get("asset").asText();
      String assetAddress = asset.equals("ETH") ? SettlementEpoch.ETH : wallet.contracts.token();
      List<byte[]> proof = new ArrayList<>();
      c.get("proof").forEach(h -> proof.add(Hex.decode(h.asText())));
      ChainWallet.Sent sent = wallet.send("SettlementAnchor.claim of epoch " + epoch, anchor, BigInteger.ZERO,
          wallet.anchor().claim(epoch, whose, assetAddress, amount, proof));
      out.println("claimed epoch " + epoch + ": " + amount + " " + asset + " base units paid to " + whose + ": tx " + sent.hash()
          + " (block " + sent.block() + ")");
    }
    return 0;
  }

  int stake(String poolAddress, BigInteger amount) {
    MicroPool pool = ours(poolAddress);
    BigInteger fee = wallet.read("the pool's fee", pool.feePer32Eth()).multiply(amount).divide(VALIDATOR);
    if (fee.signum() > 0) {
      haveBhkr(fee);
      allow(poolAddress, "the pool", fee);
    }
    ChainWallet.Sent sent = wallet.send("MicroPool.stake", poolAddress, amount, pool.stake(amount));
    out.println("staked " + amount + " wei in " + poolAddress + " (fee " + fee + " BHKR base units into the vault): tx " + sent.hash()
        + " (block " + sent.block() + ")");
    out.println(wallet.address() + " holds " + wallet.read("the aETH balance", pool.balanceOf(wallet.address())) + " aETH of the pool");
    return 0;
  }

  int unstake(String poolAddress, BigInteger amount) {
    MicroPool pool = ours(poolAddress);
    ChainWallet.Sent sent = wallet.send("MicroPool.unstake", poolAddress, BigInteger.ZERO, pool.unstake(amount));
    out.println("unstaked " + amount + " wei from " + poolAddress + ": tx " + sent.hash() + " (block " + sent.block() + ")");
    out.println(wallet.address() + " holds " + wallet.read("the aETH balance", pool.balanceOf(wallet.address())) + " aETH of the pool");
    return 0;
  }

  int redeem(String poolAddress, BigInteger amount) {
    MicroPool pool = ours(poolAddress);
    ChainWallet.Sent sent = wallet.send("MicroPool.redeem", poolAddress, BigInteger.ZERO, pool.redeem(amount));
    out.println("redeemed " + amount + " aETH of " + poolAddress + " for as much ETH: tx " + sent.hash() + " (block " + sent.block() + ")");
    return 0;
  }

  int complete(String poolAddress) {
    MicroPool pool = ours(poolAddress);
    ChainWallet.Sent sent = wallet.send("MicroPool.complete", poolAddress, BigInteger.ZERO, pool.complete());
    out.println("completed " + poolAddress + ": its aETH holders may redeem: tx " + sent.hash() + " (block " + sent.block() + ")");
    return 0;
  }

  int mint(String to, BigInteger amount) {
    ChainWallet.Sent sent = wallet.send("BhkrToken.mint", wallet.contracts.token(), BigInteger.ZERO, wallet.token().mint(to, amount));
    out.println("minted " + amount + " BHKR base units to " + to + ": tx " + sent.hash() + " (block " + sent.block() + ")");
    return 0;
  }

  /** A pool of this deployment: its fee goes to our vault (anything else is not a pool these commands know). */
  private MicroPool ours(String address) {
    MicroPool pool = wallet.pool(address);
    String vault;
    try {
      vault = wallet.read("the micro-pool at " + address, pool.vault());
    } catch (ChainWallet.Refused e) {
      vault = null;
    }
    if (vault == null || !vault.equalsIgnoreCase(wallet.contracts.vault()))
      throw new ChainWallet.Refused(address + " is not a micro-pool contract of the contracts file's deployment"
          + (vault == null ? "" : " (its vault is " + vault + ")"));
    return pool;
  }

  private void haveBhkr(BigInteger needed) {
    BigInteger held = wallet.read("the BHKR balance", wallet.token().balanceOf(wallet.address()));
    if (held.compareTo(needed) < 0)
      throw new ChainWallet.Refused("insufficient BHKR: " + wallet.address() + " holds " + held + " base units on chain, needs " + needed);
  }

  /** Approves {@code spender} for {@code amount} BHKR of the signer's, unless it may take that much already. */
  private void allow(String spender, String who, BigInteger amount) {
    BigInteger allowed = wallet.read("the BHKR allowance", wallet.token().allowance(wallet.address(), spender));
    if (allowed.compareTo(amount) >= 0) return;
    ChainWallet.Sent sent = wallet.send("BhkrToken.approve", wallet.contracts.token(), BigInteger.ZERO, wallet.token().approve(spender, amount));
    out.println("approved " + who + " " + spender + " for " + amount + " BHKR base units: tx " + sent.hash());
  }

  /** A request to the node, signed with the wallet's key if it writes; its JSON answer, or {@link NodeRefused}. */
  private JsonNode node(URI api, String method, String path, String body) {
    SignedClient.Response r;
    try {
      r = method.equals("GET") ? new SignedClient(api, null).get(path) : new SignedClient(api, wallet.key).post(path, body);
    } catch (UncheckedIOException e) {
      throw new NodeRefused("no answer from the node at " + api + ": " + CallCommand.describe(e));
    }
    JsonNode json;
    try {
      json = r.body() == null || r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      json = JSON.nullNode();
    }
    if (r.status() >= 200 && r.status() < 300 && json.isObject()) return json;
    String problem = json.isObject() && json.has("title")
        ? json.get("title").asText() + (json.hasNonNull("detail") ? ": " + json.get("detail").asText() : "")
        : r.body();
    throw new NodeRefused("the node answered " + method + " " + path + " with HTTP " + r.status() + ": " + problem);
  }
}
