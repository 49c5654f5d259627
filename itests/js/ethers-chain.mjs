// ethers v6 against a zgnode development chain (chain id 31337, the dev mnemonic's accounts
// funded): transfers of every transaction type, balances, receipts, blocks, a native contract
// call with events (polled filters over HTTP), and a revert. Prints one JSON object; exits 1 on
// any failure.
import { JsonRpcProvider, WebSocketProvider, Wallet, Contract, parseEther, formatEther } from 'ethers';

const [, , rpcUrl, greeterAddress] = process.argv;
const DEV_KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const DEV_KEY_1 = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { pollingInterval: 250 });
  const network = await provider.getNetwork();
  check(network.chainId === 31337n, `chain id ${network.chainId}`);
  const wallet = new Wallet(DEV_KEY_0, provider);
  const second = new Wallet(DEV_KEY_1, provider);
  check(wallet.address === '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', `dev account 0 is ${wallet.address}`);

  const recipient = Wallet.createRandom().address;
  const results = {};

  // EIP-1559 (ethers' default), then legacy (type 0) and EIP-2930 (type 1)
  let expected = 0n;
  for (const [type, amount] of [[2, '1.25'], [0, '0.5'], [1, '0.25']]) {
    const tx = await wallet.sendTransaction({ to: recipient, value: parseEther(amount), type });
    const receipt = await tx.wait();
    check(receipt.status === 1, `type ${type} receipt status ${receipt.status}`);
    check(receipt.from === wallet.address && receipt.to === recipient, `type ${type} receipt parties`);
    const fetched = await provider.getTransaction(tx.hash);
    check(fetched.type === type && fetched.from === wallet.address && fetched.value === parseEther(amount), `type ${type} transaction fields`);
    const block = await provider.getBlock(receipt.blockNumber, true);
    check(block.transactions.includes(tx.hash), `block ${receipt.blockNumber} lists the transaction`);
    check(block.prefetchedTransactions.some(t => t.hash === tx.hash), 'full transactions in the block');
    expected += parseEther(amount);
    results[`type${type}`] = { hash: tx.hash, block: receipt.blockNumber, gasUsed: receipt.gasUsed.toString() };
  }
  const balance = await provider.getBalance(recipient);
  check(balance === expected, `recipient balance ${formatEther(balance)}, expected ${formatEther(expected)}`);
  results.recipientBalance = formatEther(balance);
  results.nonce = await provider.getTransactionCount(wallet.address);

  if (greeterAddress) {
    const abi = [
      'event Greeted(address indexed from, string greeting, uint256 count)',
      'function greet(string greeting)',
      'function lastGreeting() view returns (string)',
      'function greetings() view returns (uint256)',
    ];
    const greeter = new Contract(greeterAddress, abi, second);
    const heard = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no Greeted event within 30 s')), 30000);
      greeter.once('Greeted', (from, greeting, count) => { clearTimeout(timer); resolve({ from, greeting, count: count.toString() }); });
    });
    const before = await greeter.greetings();
    const greet = await greeter.greet('hello from ethers');
    const receipt = await greet.wait();
    check(receipt.status === 1, 'greet receipt');
    const parsed = receipt.logs.map(log => greeter.interface.parseLog(log)).filter(Boolean);
    check(parsed.length === 1 && parsed[0].args.greeting === 'hello from ethers', 'Greeted log in the receipt');
    check(await greeter.lastGreeting() === 'hello from ethers', 'lastGreeting');
    check(await greeter.greetings() === before + 1n, 'greetings count');
    const event = await heard;
    check(event.from === second.address && event.greeting === 'hello from ethers', `event ${JSON.stringify(event)}`);
    const logs = await greeter.queryFilter(greeter.filters.Greeted(second.address), receipt.blockNumber, receipt.blockNumber);
    check(logs.length === 1, `queryFilter found ${logs.length} logs`);
    let reverted = null;
    try {
      await greeter.greet.estimateGas('');
    } catch (e) {
      reverted = e.reason ?? e.shortMessage;
    }
    check(reverted && reverted.includes('a greeting is 1 to 280 bytes'), `revert reason: ${reverted}`);
    results.greeter = { event, revert: reverted };

    const ws = new WebSocketProvider(rpcUrl.replace('http', 'ws'));
    const head = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no newHeads within 10 s')), 10000);
      ws.once('block', number => { clearTimeout(timer); resolve(number); });
    });
    results.websocketBlock = head;
    await ws.destroy();
  }
  provider.destroy();
  console.log(JSON.stringify({ ok: true, ...results }));
}

main().catch(e => {
  console.log(JSON.stringify({ ok: false, error: String(e && e.stack || e) }));
  process.exit(1);
});
