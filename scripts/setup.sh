#!/usr/bin/env bash
# Installs what building and testing need on a fresh machine (Debian, Node 20 + npm 11):
# the npm dependencies (Node 22 among them, see package.json), then Debian's Chromium, CJK
# fonts, libdeflate's gzip and, for the tests, poppler, nginx and Tesseract with its Chinese model (scanned
# issues). Does nothing that is already done.
#
#   bash scripts/setup.sh build   # what `npm start` / `npm run build` need
#   bash scripts/setup.sh test    # what `npm test` needs
#   bash scripts/setup.sh bench   # also wrk, for scripts/bench/auth-flood.ts
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-build}

if [ ! -x node_modules/.bin/node ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] npm ci"
  npm ci --no-audit --no-fund
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list ':lang=zh-cn' 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
# The search index's chunks and fragments are gzipped by libdeflate (scripts/lib/libdeflate.ts).
command -v libdeflate-gzip >/dev/null || need+=(libdeflate-tools)
if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  command -v pdfinfo >/dev/null || need+=(poppler-utils)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need+=(libnginx-mod-http-brotli-static)
  # njs: the internal edition's session cookie (scripts/deploy/nginx/snippets/session.js).
  [ -e /usr/lib/nginx/modules/ngx_http_js_module.so ] || need+=(libnginx-mod-http-js)
  command -v htpasswd >/dev/null || need+=(apache2-utils)
  # GNU time: the hostile-input suite measures each import's peak memory with it.
  [ -x /usr/bin/time ] || need+=(time)
  # Scanned issues: the import test recognises a scan of 第2期 with Tesseract's Chinese model.
  command -v tesseract >/dev/null || need+=(tesseract-ocr)
  compgen -G "/usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata" >/dev/null || need+=(tesseract-ocr-chi-sim)
fi

# The internal server's flood benchmark (scripts/bench/auth-flood.ts) measures with wrk.
if [ "$purpose" = bench ]; then
  command -v wrk >/dev/null || need+=(wrk)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "[setup] apt-get install ${need[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
  else
    echo "缺少 Debian 软件包：${need[*]}。" >&2
    echo "请由管理员执行：sudo apt-get install -y ${need[*]}，然后重新运行。" >&2
    exit 1
  fi
fi
