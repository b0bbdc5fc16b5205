#!/usr/bin/env bash
# Installs what TorrentCluster needs from Debian's packages, or says in one line what is missing.
# Sourced by scripts/run.sh and scripts/test.sh.

tc_apt_install() {
  # Root installs directly; others through sudo when it is there without a password prompt.
  local packages=("$@")
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "missing: ${packages[*]} (run: sudo apt-get install -y ${packages[*]})" >&2
    return 1
  fi
}

tc_require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    echo "missing: the .NET 10 SDK (see https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
    return 1
  fi
}

# Packages needed to build and run: the engine's native shim compiles against libtorrent-rasterbar-dev.
tc_runtime_packages() {
  local missing=()
  pkg-config --exists libtorrent-rasterbar 2>/dev/null || missing+=(libtorrent-rasterbar-dev)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  echo "${missing[@]}"
}

# Packages the tests use besides: third-party BitTorrent clients for interoperability and the benchmark's
# bare libtorrent downloader.
tc_test_packages() {
  local missing=()
  command -v aria2c >/dev/null 2>&1 || missing+=(aria2)
  command -v transmission-daemon >/dev/null 2>&1 || missing+=(transmission-daemon)
  command -v transmission-remote >/dev/null 2>&1 || missing+=(transmission-cli)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  # deploy/certs.sh makes the certificates of the clusters the tests start.
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  /usr/bin/python3 -c 'import libtorrent' >/dev/null 2>&1 || missing+=(python3-libtorrent)
  # The network namespace tests build their machines with ip (veth, bridges) and cut links with nft.
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v nft >/dev/null 2>&1 || missing+=(nftables)
  # WebUi.Tests builds Porla's web UI with npm and drives it in Debian's chromium (Playwright's own browser
  # download is never used).
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  echo "${missing[@]}"
}

tc_ensure() {
  local missing
  missing=$("$@")
  if [ -n "$missing" ]; then
    echo "installing: $missing"
    # shellcheck disable=SC2086
    tc_apt_install $missing || return 1
  fi
}
