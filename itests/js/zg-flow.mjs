// The official 0G SDK's own Flow and Market contract bindings against a zgnode development chain:
// its Uploader's submit path (flow.market(), market.pricePerSector(), the fee it computes, the
// submit transaction it sends) and its own receipt parsing (Uploader.processLogs reads the txSeq
// from the Submit log). Then the FixedPriceFlow binding directly: a second submission of the same
// file (txSeq 1), and one that pays too little (refused with the reason). No storage node is
// involved. Prints one JSON object; exits 1 on any failure.
// usage: node zg-flow.mjs RPC_URL FLOW_ADDRESS
import { randomBytes } from 'node:crypto';
import { JsonRpcProvider, Wallet, keccak256, concat } from 'ethers';
import { MemData, Uploader, getFlowContract, getMarketContract, calculatePrice } from '@0gfoundation/0g-ts-sdk';

const [, , rpcUrl, flowAddress] = process.argv;
const DEV_KEY_2 = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function receiptOf(provider, hash) {
  for (let i = 0; i < 120; i++) {
    const receipt = await provider.getTransactionReceipt(hash);
    if (receipt !== null) return receipt;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`no receipt for ${hash}`);
}

async function main() {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { pollingInterval: 250 });
  const wallet = new Wallet(DEV_KEY_2, provider);
  const flow = getFlowContract(flowAddress, wallet);

  // a 5400-byte file: 22 chunks, padded to 22 sectors, nodes of heights 4, 2 and 1
  const file = new MemData(randomBytes(5400));
  const [tree, treeError] = await file.merkleTree();
  if (treeError) throw treeError;
  const [submission, submissionError] = await file.createSubmission('0x', wallet.address);
  if (submissionError) throw submissionError;

  const market = await flow.market();
  const pricePerSector = await getMarketContract(market, provider).pricePerSector();
  const fee = calculatePrice(submission, pricePerSector);

  // the SDK's own upload path, chain part: it reads market() and pricePerSector(), pays the fee it
  // computes, sends without waiting; then its own log parsing finds the txSeq
  const uploader = new Uploader([], rpcUrl, flow);
  const [hash, sendError] = await uploader.submitLogEntryNoReceipt(submission);
  if (sendError) throw sendError;
  const receipt = await receiptOf(provider, hash);
  check(receipt.status === 1, `submit receipt status ${receipt.status}`);
  const txSeqs = await uploader.processLogs(receipt);
  const submitLog = receipt.logs.find(log => log.address.toLowerCase() === flowAddress.toLowerCase());
  const event = flow.interface.parseLog(submitLog);
  check(event && event.name === 'Submit', 'the receipt has a Submit log the SDK parses');
  const identity = keccak256(concat(submission.data.nodes.map(node => node.root)));

  // the binding directly, as an application would: the same file again gets the next txSeq
  const again = await (await flow.submit(submission, { value: fee })).wait();
  const againSeqs = await uploader.processLogs(again);

  // paying one wei too little is refused before anything is sent, with the contract's reason
  let underpaid = null;
  try {
    await flow.submit(submission, { value: fee - 1n });
  } catch (e) {
    underpaid = e.reason || e.shortMessage || String(e);
  }
  check(underpaid !== null, 'a submission paying too little was accepted');

  console.log(JSON.stringify({
    ok: true,
    market,
    pricePerSector: pricePerSector.toString(),
    fee: fee.toString(),
    root: tree.rootHash(),
    heights: submission.data.nodes.map(node => Number(node.height)),
    txSeqs,
    againTxSeqs: againSeqs,
    event: {
      sender: event.args.sender,
      identity: event.args.identity,
      identityExpected: identity,
      submissionIndex: Number(event.args.submissionIndex),
      startPos: Number(event.args.startPos),
      // by position: a Result is an array, so .length is its own
      length: Number(event.args[4]),
      submissionLength: Number(event.args.submission[0]),
    },
    sender: wallet.address,
    underpaid,
  }));
}

main().catch(e => {
  console.log(JSON.stringify({ ok: false, error: e && e.message ? e.message : String(e) }));
  process.exit(1);
});
