#!/bin/sh
# Builds atm_<version>-1_all.deb from the npm tarball (npm pack), with dpkg-deb, the way the Arch
# guidelines install Node packages: npm install -g of the tarball under a staging /usr. Debian
# paths for what npm does not place: completions, the systemd user units, gzipped man pages,
# the copyright file. Check the result with: lintian --fail-on error,warning atm_*.deb
# Usage: packaging/debian/build-deb.sh agent-tmux-monitor-X.Y.Z.tgz OUTDIR
set -eu
tarball=$(realpath "$1")
out=$(realpath "$2")
here=$(dirname "$(realpath "$0")")
stage=$(mktemp -d /tmp/atm-deb.XXXXXX)
trap 'rm -rf "$stage"' EXIT
root=$stage/root

npm install -g --prefix "$root/usr" "$tarball" --omit=dev --no-audit --no-fund --loglevel=error >/dev/null
pkg=$root/usr/lib/node_modules/agent-tmux-monitor
version=$(node -p "require('$pkg/package.json').version")

# Man pages: gzipped files (Debian wants them compressed, and not as links into node_modules).
rm -rf "$root/usr/share/man"
for page in "$pkg"/man/*.[0-9]; do
  section=${page##*.}
  mkdir -p "$root/usr/share/man/man$section"
  gzip -9n -c "$page" >"$root/usr/share/man/man$section/$(basename "$page").gz"
done

# Completions and the systemd user units, where Debian's tools look for them.
install -D -m 0644 "$pkg/completions/atm.bash" "$root/usr/share/bash-completion/completions/atm"
install -D -m 0644 "$pkg/completions/_atm" "$root/usr/share/zsh/vendor-completions/_atm"
install -D -m 0644 "$pkg/completions/atm.fish" "$root/usr/share/fish/vendor_completions.d/atm.fish"
install -D -m 0644 "$pkg/systemd/atm.service" "$root/usr/lib/systemd/user/atm.service"
install -D -m 0644 "$pkg/systemd/atm.socket" "$root/usr/lib/systemd/user/atm.socket"

# Documentation: the copyright file and a changelog, as policy asks; the rest stays with the code.
doc=$root/usr/share/doc/atm
install -d "$doc"
install -m 0644 "$here/copyright" "$doc/copyright"
printf 'atm (%s-1) unstable; urgency=medium\n\n  * Built from the npm tarball.\n\n -- atm maintainers <atm@example.org>  Sun, 06 Dec 2026 00:00:00 +0000\n' "$version" |
  gzip -9n >"$doc/changelog.Debian.gz"
install -D -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/atm"

# The dependencies as npm unpacks them carry their authors' tooling files (.npmignore,
# .eslintrc, .gitattributes), tests, examples and command-line tools, none of which atm runs: drop
# them. Node loads
# modules without the executable bit, and no dependency's own bin is used, so none keeps it.
nm=$pkg/node_modules
find "$nm" -depth -type d \( -name test -o -name tests -o -name example -o -name examples -o -name sample \
  -o -name samples -o -name doc -o -name .github \) -exec rm -rf {} +
rm -rf "$nm"/*/bin "$nm"/@*/*/bin # the dependencies' own command-line tools
find "$nm" -type f \( -name '.*' -o -name '*.md' ! -iname 'license*' \) -delete
find "$nm" -type f -perm /111 -exec chmod a-x {} +
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod go-w {} +

install -d "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version-1/" -e "s/@SIZE@/$size/" "$here/control" >"$root/DEBIAN/control"
(cd "$root" && find usr -type f -exec md5sum {} + | sort -k2) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out/atm_${version}-1_all.deb" >/dev/null
echo "$out/atm_${version}-1_all.deb"
