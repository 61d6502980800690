// Reads numbers (one a line, on standard input) with the npm package
// read-vietnamese-number, an implementation written apart from loa's, and
// prints each reading on a line: tests/suite/speech.rs compares them with
// loa's. As configured here: no unit after the number, decimals said after
// "phẩy" (its input keeps its own notation, a dot before decimals: asked to
// read Vietnamese notation, a comma before decimals, it reads every number
// as "không"). It says "lẻ" and "tỉ" where loa says "linh" and "tỷ"; the
// test maps those two words.
// The package is found through NODE_PATH (or RVN_DIR, a node_modules folder).
const path = require('path')
const dir = process.env.RVN_DIR
const rvn = require(dir ? path.join(dir, 'read-vietnamese-number') : 'read-vietnamese-number')
const config = new rvn.ReadingConfig()
config.unit = []
config.pointText = 'phẩy'
let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (d) => (input += d))
process.stdin.on('end', () => {
  const out = []
  for (const line of input.split('\n')) {
    if (line.trim() === '') continue
    out.push(rvn.doReadNumber(line.trim(), config))
  }
  process.stdout.write(out.join('\n') + '\n')
})
