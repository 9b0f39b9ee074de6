#!/usr/bin/env bash
# The system packages the project needs: the one list that `make`, .ci/run and the README's install line follow
# (tests/package/test_setup.py checks that the README names the same packages).
#
#   tools/prereqs.sh book        say in one line what `make book` lacks, and the command that installs it (exit 1)
#   tools/prereqs.sh test        the same for `make test`
#   tools/prereqs.sh --install test   apt-get install whatever is missing (CI; needs root)
#   tools/prereqs.sh --list test      the Debian packages, one line
#
# Debian names: python3-venv (the venv for .venv), make, nodejs and npm (the browser assets, npm ci),
# chromium (the browser tests), fonts-noto-cjk (a CJK font for the Chinese figures the tests redraw).
set -u
PY=${PY:-python3}

install=0 list=0
case "${1:-}" in
  --install) install=1; shift ;;
  --list) list=1; shift ;;
esac
what=${1:-book}

book_packages="python3-venv make nodejs npm"
test_packages="$book_packages chromium fonts-noto-cjk"
case "$what" in
  book) packages=$book_packages ;;
  test) packages=$test_packages ;;
  *) echo "usage: tools/prereqs.sh [--install|--list] book|test" >&2; exit 2 ;;
esac

if ((list)); then
  echo "$packages"
  exit 0
fi

has() {   # has PACKAGE: is what the Debian package gives us here?
  case "$1" in
    python3-venv) "$PY" -c "import ensurepip, venv" >/dev/null 2>&1 ;;
    make) command -v make >/dev/null 2>&1 ;;
    nodejs) command -v node >/dev/null 2>&1 ;;
    npm) command -v npm >/dev/null 2>&1 ;;
    chromium) [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || command -v chromium >/dev/null 2>&1 ;;
    fonts-noto-cjk) if command -v fc-list >/dev/null 2>&1; then fc-list | grep -q "Noto Sans CJK"
                    else ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1; fi ;;
  esac
}

missing=()
for p in $packages; do
  has "$p" || missing+=("$p")
done
((${#missing[@]})) || exit 0

if ((install)); then
  echo "Installing from Debian: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || exit 1
  exit 0
fi
echo "make $what needs ${missing[*]}, not found on this machine: sudo apt-get install ${missing[*]}" >&2
exit 1
