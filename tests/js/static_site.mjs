// A built site served as a static host serves it, for the end-to-end tests
// in Chromium: `/` → index.html, a missing file → the site's 404.html with
// status 404, nothing outside the folder; with `gzip`, text compressed as
// web servers send it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.pdf': 'application/pdf' };

/** Serves `dir` on 127.0.0.1 at a free port: { server, root } (root ends in `/`). */
export async function serveSite(dir, { gzip = false } = {}) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(dir, p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      const missing = path.join(dir, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fs.existsSync(missing) ? fs.readFileSync(missing) : 'not found');
      return;
    }
    const body = fs.readFileSync(file);
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    if (gzip && /text|json|javascript|svg/.test(type) && /gzip/.test(req.headers['accept-encoding'] || '')) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(zlib.gzipSync(body, { level: 6 }));
    } else {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, root: `http://127.0.0.1:${server.address().port}/` };
}
