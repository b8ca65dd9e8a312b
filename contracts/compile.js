// Compiles GlassboxRegistry.sol with the solc-js pinned in package.json,
// through the standard JSON interface, and writes <outdir>/GlassboxRegistry.abi
// and <outdir>/GlassboxRegistry.bin. Usage: node compile.js <outdir>
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const want = '0.8.30';
if (!solc.version().startsWith(want + '+')) {
  console.error(`compile.js: solc ${solc.version()} found, ${want} pinned; run bash scripts/setup`);
  process.exit(1);
}
const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node compile.js <outdir>');
  process.exit(2);
}
const name = 'GlassboxRegistry';
const file = name + '.sol';
const input = {
  language: 'Solidity',
  sources: { [file]: { content: fs.readFileSync(path.join(__dirname, file), 'utf8') } },
  settings: {
    evmVersion: 'prague',
    optimizer: { enabled: true, runs: 200 },
    viaIR: false,
    metadata: { bytecodeHash: 'ipfs' },
    outputSelection: { [file]: { [name]: ['abi', 'evm.bytecode.object'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
let failed = false;
for (const e of out.errors || []) {
  console.error(e.formattedMessage);
  if (e.severity === 'error') failed = true;
}
if (failed) process.exit(1);
const c = out.contracts[file][name];
fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(c.abi, null, 2) + '\n');
fs.writeFileSync(path.join(outDir, name + '.bin'), c.evm.bytecode.object + '\n');
