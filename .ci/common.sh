# Shared by .ci/main and .ci/test: install what is missing, then configure and build.
# Sourced, not run.
set -euo pipefail

DEELSTROOM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DEELSTROOM_BUILD_DIR:-$DEELSTROOM_ROOT/build}"

# Debian packages the build, the tests and the GUI need.
DEELSTROOM_PACKAGES=(
  build-essential cmake pkg-config
  libeigen3-dev libboost-program-options-dev libtomlplusplus-dev catch2
  libimgui-dev libglfw3-dev libstb-dev libgl-dev libgl1-mesa-dri xvfb xauth fonts-dejavu-core
  libxlsxwriter-dev libopenmpi-dev openmpi-bin
  python3 python3-openpyxl
)

ensure_packages() {
  local missing=()
  for package in "${DEELSTROOM_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "deelstroom: installing missing packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "deelstroom: cannot install packages without root. Run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

build_project() {
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  cmake -S "$DEELSTROOM_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j "$jobs"
}
