// The official 0G SDK's offline view of files: for each path given, one JSON line
// {file, root, size, chunks, segments, submission: {length, tags, nodes: [{root, height}]}},
// in the order given. Nothing is sent anywhere: ZgFile reads the file and hashes it itself.
// usage: node zg-roots.mjs FILE...   (exit 1 with one line on stderr when the SDK fails)
import { ZgFile } from '@0gfoundation/0g-ts-sdk';

async function describe(file) {
  const zgFile = await ZgFile.fromFilePath(file);
  try {
    const [tree, treeError] = await zgFile.merkleTree();
    if (treeError) throw treeError;
    if (!tree) throw new Error(`${file}: the SDK makes no tree (an empty file?)`);
    const [submission, submissionError] = await zgFile.createSubmission('0x');
    if (submissionError) throw submissionError;
    const data = submission.data;
    return {
      file,
      root: tree.rootHash(),
      size: zgFile.size(),
      chunks: zgFile.numChunks(),
      segments: zgFile.numSegments(),
      // The SDK keeps these as numbers or bigints depending on the path taken: JSON wants numbers.
      submission: {
        length: Number(data.length),
        tags: data.tags,
        nodes: data.nodes.map(node => ({ root: node.root, height: Number(node.height) })),
      },
    };
  } finally {
    await zgFile.close();
  }
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node zg-roots.mjs FILE...');
  process.exit(2);
}
try {
  for (const file of files) {
    console.log(JSON.stringify(await describe(file)));
  }
} catch (e) {
  console.error(`zg-roots: ${e && e.message ? e.message : e}`);
  process.exit(1);
}
