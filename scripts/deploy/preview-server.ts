/**
 * The preview entrypoint of preview-integration.ts: what `astro preview` runs for this site.
 * Vite's preview server over the built site (the same static serving, types and ETags as
 * Astro's own preview), with the site's security headers (security-headers.ts, the headers of
 * nginx's headers.conf) set before anything else answers, so that every response carries them:
 * files, the 404 page, redirects and errors alike.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { preview, type Connect } from 'vite';
import { securityHeaders } from './security-headers.ts';

interface PreviewOptions {
  outDir: URL;
  client: URL;
  host: string | undefined;
  port: number;
  base: string;
  headers?: Record<string, string | string[] | number | undefined> | undefined;
  root: URL;
}

export default async function startPreview(options: PreviewOptions) {
  const site = fileURLToPath(options.outDir);
  if (!existsSync(site)) throw new Error(`[preview] ${site} 不存在：请先运行 npm run build`);
  const headers = { ...securityHeaders(), ...(options.headers ?? {}) };
  const notFound = (_req: IncomingMessage, res: ServerResponse) => {
    const page = `${site.replace(/\/$/, '')}/404.html`;
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(page) ? readFileSync(page) : '404 页面不存在');
  };
  const server = await preview({
    configFile: false,
    root: fileURLToPath(options.root),
    base: options.base,
    appType: 'mpa',
    logLevel: 'warn',
    build: { outDir: site },
    preview: { host: options.host ?? '127.0.0.1', port: options.port, strictPort: true, open: false },
    plugins: [
      {
        name: 'yaoxun-security-headers',
        configurePreviewServer(preview) {
          let notFoundPage = false;
          // First: every response, whatever answers it, carries the headers.
          preview.middlewares.use((_req, res, next) => {
            for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
            // The site's own 404 page for an unknown address, as Astro's preview does: Vite adds
            // its empty 404 after the plugins, so it is replaced once the stack is complete.
            if (!notFoundPage) {
              for (const layer of preview.middlewares.stack as Array<{ handle: Connect.NextHandleFunction & { name: string } }>) {
                if (layer.handle.name === 'vite404Middleware') layer.handle = notFound as typeof layer.handle;
              }
              notFoundPage = true;
            }
            next();
          });
        },
      },
    ],
  });
  // A request Node's parser refuses (a header or address too long, bad syntax) is answered
  // before any middleware: with the headers too, as nginx answers its 400 and 414.
  // (Vite answers these itself, with no headers: its listener goes.)
  server.httpServer.removeAllListeners('clientError');
  server.httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:net').Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
    const lines = Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [`${name}: ${String(value)}`]));
    socket.end(`HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  const address = server.httpServer.address();
  const port = address && typeof address === 'object' ? address.port : options.port;
  console.log(`预览（带与 nginx 相同的安全响应头）：http://${options.host ?? '127.0.0.1'}:${port}/`);
  return {
    host: options.host,
    port,
    server: server.httpServer,
    closed: () => new Promise<void>((resolve, reject) => {
      server.httpServer.addListener('close', () => resolve());
      server.httpServer.addListener('error', reject);
    }),
    stop: () => server.close(),
  };
}
