# Homebrew formula for atm. Not run here (no brew on the build machine): `ruby -c` at most.
#
# The macOS agent: Homebrew's `service` block cannot express a Unix socket (launchd's own socket
# activation needs launch_activate_socket(), which Node cannot call), so the formula installs no
# service. After `brew install atm`, run `atm service install`: it writes
# ~/Library/LaunchAgents/io.github.atm.atmd.plist (RunAtLoad, KeepAlive on failure, LANG and PATH
# set) and bootstraps it with `launchctl bootstrap gui/$UID`; atmd binds the socket itself.
# Without it, `atm` starts atmd in the background whenever none answers.
class Atm < Formula
  desc "Agent Tmux Monitor: every Claude Code agent you run in tmux, in one place"
  homepage "https://github.com/atm-dev/atm"
  url "https://registry.npmjs.org/agent-tmux-monitor/-/agent-tmux-monitor-0.1.0.tgz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"
  license "MIT"

  depends_on "node"

  def install
    system "npm", "install", *std_npm_args
    bin.install_symlink Dir["#{libexec}/bin/*"]
    # npm links man pages only on a top-level global install; take them from libexec instead.
    pkg = libexec/"lib/node_modules/agent-tmux-monitor"
    man1.install pkg/"man/atm.1"
    man5.install pkg/"man/atm.conf.5"
    man8.install pkg/"man/atmd.8"
    generate_completions_from_executable(bin/"atm", "completion")
  end

  def caveats
    <<~EOS
      To run atmd at login (a launchd agent; Homebrew services cannot hold its Unix socket):
        atm service install
      Then connect Claude Code:
        atm setup
    EOS
  end

  test do
    assert_match "atm #{version}", shell_output("#{bin}/atm --version")
    assert_match "atmd #{version}", shell_output("#{bin}/atmd --version")
    assert_match "complete -F _atm atm", shell_output("#{bin}/atm completion bash")
  end
end
