// Compiles contracts/src/main/solidity/*.sol with solc-js from npm (no compiler download) and
// writes Name.abi / Name.bin for each of our contracts into the output folder, where Web3j's
// codegen turns them into Java wrappers. Run by Maven in generate-sources; usage:
//   node contracts/compile.cjs <source folder> <output folder>
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const [sourceDir, outDir] = process.argv.slice(2).map((p) => path.resolve(p));

// The build must work right after a clone: install the pinned npm packages once if missing.
if (!fs.existsSync(path.join(root, 'node_modules', 'solc', 'package.json'))) {
  console.log('compile.cjs: node_modules is missing; running npm ci in ' + root);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
const solc = require(path.join(root, 'node_modules', 'solc'));

const sources = {};
for (const file of fs.readdirSync(sourceDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
}

// Imports resolve against the source folder first, then the root node_modules (OpenZeppelin).
function findImports(importPath) {
  for (const base of [sourceDir, path.join(root, 'node_modules')]) {
    const candidate = path.join(base, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
  }
  return { error: 'not found: ' + importPath };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    // solc 0.8.37 defaults to osaka; anvil and today's mainnet run cancun code.
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const problems = output.errors || [];
problems.filter((e) => e.severity !== 'error').forEach((e) => console.warn(e.formattedMessage));
const errors = problems.filter((e) => e.severity === 'error');
if (errors.length > 0) {
  errors.forEach((e) => console.error(e.formattedMessage));
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
let count = 0;
for (const file of Object.keys(sources)) {
  for (const [name, contract] of Object.entries(output.contracts[file] || {})) {
    fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outDir, name + '.bin'), contract.evm.bytecode.object);
    count++;
  }
}
console.log('compile.cjs: solc ' + solc.version() + ' (evm cancun) wrote ' + count + ' contracts to ' + outDir);
