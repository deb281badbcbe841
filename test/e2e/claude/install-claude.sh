#!/bin/sh
# Installs the pinned Claude Code CLI outside the repo and prints the path of its binary.
#   ${ATM_CLAUDE_CACHE:-$HOME/.cache/atm-claude}/<version>/node_modules/.bin/claude
# The version lives in one place: claude-code.version beside this script.
# Idempotent: a cache that already runs `claude --version` at that version is reused.
# Not a package.json dependency on purpose: ~380 MB of native binary under a proprietary licence.
# Progress goes to stderr; stdout is only the binary path, so callers can `bin=$(install-claude.sh)`.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
version=$(tr -d ' \t\r\n' < "$here/claude-code.version")
case $version in
  '' | *[!0-9.]*) echo "install-claude.sh: bad version '$version' in $here/claude-code.version" >&2; exit 2 ;;
esac
cache=${ATM_CLAUDE_CACHE:-${HOME:?HOME is not set}/.cache/atm-claude}
prefix=$cache/$version
bin=$prefix/node_modules/.bin/claude
pkg=$prefix/node_modules/@anthropic-ai/claude-code

works() {
  [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "^$version "
}

if ! works; then
  echo "install-claude.sh: installing @anthropic-ai/claude-code@$version into $prefix" >&2
  mkdir -p "$prefix"
  # The package's postinstall copies the platform binary over bin/claude.exe; --foreground-scripts
  # keeps its output visible. Engine warnings (it asks for Node 22) do not matter: the binary is native.
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --foreground-scripts \
    "@anthropic-ai/claude-code@$version" >&2
  # A newer npm may skip install scripts it has not been told to allow; run the postinstall then.
  if ! works && [ -f "$pkg/install.cjs" ]; then
    echo "install-claude.sh: running the package's postinstall by hand" >&2
    (cd "$pkg" && node install.cjs) >&2
  fi
  if ! works; then
    echo "install-claude.sh: $bin does not run 'claude --version' as $version after install" >&2
    exit 1
  fi
fi
echo "$bin"
