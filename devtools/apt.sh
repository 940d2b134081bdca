# Shared by the devtools/install-*.sh scripts (sourced, not run): apt-get install of Debian
# packages, as root or through sudo, waiting up to 10 minutes for another apt's lock.
#   apt_install NAME PACKAGE...   # NAME prefixes the messages ("install-redis: ...")
# The caller decides first whether anything is missing (the scripts are no-ops then).

# The command prefix for root's commands: "" as root, "sudo" otherwise; fails without sudo.
apt_sudo() {
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null; then
    SUDO="sudo"
  else
    echo "$1: need root or sudo to apt-get install ${*:2}" >&2
    return 1
  fi
}

# apt-get update, then install the packages without recommended extras, quietly.
apt_install() {
  local name=$1
  shift
  echo "$name: apt-get install $* (once per machine)" >&2
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends "$@" >/dev/null
}
