// The official 0G SDK uploading and downloading files through zgnode storage nodes, unmodified.
//   node zg-storage.mjs indexer EVM_RPC KEY FILE OUT UPLOAD_URL DOWNLOAD_URL
//     new Indexer(UPLOAD_URL).upload(file, EVM_RPC, wallet), then new Indexer(DOWNLOAD_URL).download(root, OUT)
//   node zg-storage.mjs nodes EVM_RPC KEY FILE OUT UPLOAD_URLS DOWNLOAD_URLS   (comma-separated node URLs)
//     an Uploader given UPLOAD_URLS (one node per shard), then a Downloader given only DOWNLOAD_URLS,
//     once those report the file finalized (they fetch their shards from their peers)
//   node zg-storage.mjs submit EVM_RPC KEY FILE NODE_URL
//     only the Flow.submit transaction, as the SDK's Uploader sends it; no segments
//   node zg-storage.mjs download ROOT OUT URLS
//     a Downloader given URLS
// The SDK logs to stdout; that goes to stderr here, so stdout holds one JSON object: {root, txSeq, txHash}.
// Exit 1 with one line on stderr when the SDK reports an error.
import { Indexer, ZgFile, StorageNode, Uploader, Downloader, getFlowContract } from '@0gfoundation/0g-ts-sdk';
import { ethers } from 'ethers';

console.log = (...args) => console.error(...args);
console.info = console.log;

function fail(message) {
  console.error(`zg-storage: ${message}`);
  process.exit(1);
}

const nodesOf = urls => urls.split(',').map(url => new StorageNode(url));

async function awaitFinalized(nodes, root, seconds) {
  for (const node of nodes) {
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const info = await node.getFileInfo(root, true);
      if (info && info.finalized) break;
      if (Date.now() > deadline) fail(`${node.url} did not hold the file within ${seconds} s: ${JSON.stringify(info)}`);
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}

async function uploaderFor(nodes, evmRpc, wallet) {
  const status = await nodes[0].getStatus();
  return new Uploader(nodes, evmRpc, getFlowContract(status.networkIdentity.flowAddress, wallet));
}

async function withFile(path, work) {
  const zgFile = await ZgFile.fromFilePath(path);
  try {
    const [tree, treeError] = await zgFile.merkleTree();
    if (treeError) fail(`merkle tree: ${treeError}`);
    return await work(zgFile, tree.rootHash());
  } finally {
    await zgFile.close();
  }
}

const [mode, ...args] = process.argv.slice(2);
const wallet = (evmRpc, key) => new ethers.Wallet(key, new ethers.JsonRpcProvider(evmRpc, undefined, { staticNetwork: true }));
let result;
if (mode === 'indexer' && args.length === 6) {
  const [evmRpc, key, file, out, uploadTo, downloadFrom] = args;
  result = await withFile(file, async (zgFile, root) => {
    const [uploaded, uploadError] = await new Indexer(uploadTo).upload(zgFile, evmRpc, wallet(evmRpc, key));
    if (uploadError) fail(`upload: ${uploadError.message}`);
    const downloadError = await new Indexer(downloadFrom).download(root, out, false);
    if (downloadError) fail(`download: ${downloadError.message}`);
    return { root, txSeq: uploaded.txSeq, txHash: uploaded.txHash };
  });
} else if (mode === 'nodes' && args.length === 6) {
  const [evmRpc, key, file, out, uploadTo, downloadFrom] = args;
  result = await withFile(file, async (zgFile, root) => {
    const uploader = await uploaderFor(nodesOf(uploadTo), evmRpc, wallet(evmRpc, key));
    const [uploaded, uploadError] = await uploader.uploadFile(zgFile, {});
    if (uploadError) fail(`upload: ${uploadError.message}`);
    const downloadNodes = nodesOf(downloadFrom);
    await awaitFinalized(downloadNodes, root, 90);
    const downloadError = await new Downloader(downloadNodes).download(root, out, false);
    if (downloadError) fail(`download: ${downloadError.message}`);
    return { root, txSeq: uploaded.txSeq, txHash: uploaded.txHash };
  });
} else if (mode === 'submit' && args.length === 4) {
  const [evmRpc, key, file, nodeUrl] = args;
  result = await withFile(file, async (zgFile, root) => {
    const signer = wallet(evmRpc, key);
    const uploader = await uploaderFor(nodesOf(nodeUrl), evmRpc, signer);
    const [submission, submissionError] = await zgFile.createSubmission('0x', await signer.getAddress());
    if (submissionError) fail(`submission: ${submissionError}`);
    const [txHash, submitError] = await uploader.submitLogEntryNoReceipt(submission, {});
    if (submitError) fail(`submit: ${submitError.message}`);
    const receipt = await signer.provider.waitForTransaction(txHash, 1, 60_000);
    if (!receipt || receipt.status !== 1) fail(`submit transaction ${txHash} failed`);
    const txSeqs = await uploader.processLogs(receipt);
    return { root, txSeq: Number(txSeqs[0]), txHash };
  });
} else if (mode === 'download' && args.length === 3) {
  const [root, out, urls] = args;
  const downloadError = await new Downloader(nodesOf(urls)).download(root, out, false);
  if (downloadError) fail(`download: ${downloadError.message}`);
  result = { root };
} else {
  fail('usage: node zg-storage.mjs indexer|nodes EVM_RPC KEY FILE OUT UPLOAD DOWNLOAD | submit EVM_RPC KEY FILE NODE_URL | download ROOT OUT URLS');
}
process.stdout.write(JSON.stringify(result) + '\n');
