#!/usr/bin/env bash
# Set up jixiao for development on Debian 12: system Python 3.11 with venv/pip, LibreOffice, Noto
# CJK fonts and poppler-utils (installed with apt-get when missing), a .venv in the
# repository root, and jixiao installed editable with its dev tools. Safe to run again: an
# existing Python 3.11 .venv is reused; a broken or wrong-version one is rebuilt.
#
# Usage: bash scripts/setup.sh        (from any directory; needs root or sudo only if
#                                      python3-venv / python3-pip must be installed)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly VENV=.venv
readonly REQUIRED=3.11

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# The interpreter to build the venv with: the system's Python 3.11 (Debian builds it with
# profile-guided and link-time optimisation: it runs the audit faster than a Python compiled
# without them, as version managers do by default), else python3.11 on the PATH, else python3.
readonly SYSTEM_PYTHON=/usr/bin/python3.11
find_python() {
    if [[ -x $SYSTEM_PYTHON ]]; then
        echo "$SYSTEM_PYTHON"
    else
        command -v python3.11 || command -v python3 || true
    fi
}

# The interpreter a venv was created with, as its pyvenv.cfg records it.
venv_base() {
    sed -n 's/^executable = //p' "$VENV/pyvenv.cfg" 2>/dev/null
}

# True when the interpreter can create a venv with pip in it (Debian splits these out).
has_venv_and_pip() {
    local python=$1
    [[ -n $python ]] && "$python" -c 'import venv' 2>/dev/null \
        && "$python" -m ensurepip --version >/dev/null 2>&1
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

install_python_packages() {
    command -v apt-get >/dev/null \
        || die "python3 with venv and ensurepip is missing and apt-get is not available; install Python ${REQUIRED} with venv and pip yourself"
    say "installing python3-venv and python3-pip with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        python3-venv python3-pip >/dev/null
}

# LibreOffice converts .doc/.xls to readable formats and renders PDF; Noto CJK gives it Chinese
# glyphs; poppler-utils (pdftoppm) turns rendered pages into images for the tests.
system_packages_missing() {
    ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null || [[ ! -x /usr/bin/chromium ]] \
        || [[ -z $(fc-list :lang=zh family 2>/dev/null | head -1) ]]
}

install_system_packages() {
    command -v apt-get >/dev/null \
        || die "LibreOffice, Noto CJK fonts or poppler-utils are missing and apt-get is not available; install them yourself"
    say "installing LibreOffice (writer, calc), Noto CJK fonts, poppler-utils and Chromium (browser tests) with apt-get"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk poppler-utils fontconfig chromium >/dev/null
}

python_version() {
    "$1" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'
}

main() {
    local python
    python=$(find_python)
    if ! has_venv_and_pip "$python"; then
        install_python_packages
        python=$(find_python)
        has_venv_and_pip "$python" || die "python3 -m venv / ensurepip still unavailable after apt-get install"
    fi

    if system_packages_missing; then
        install_system_packages
    fi

    local version
    version=$(python_version "$python")
    [[ $version == "$REQUIRED" ]] \
        || die "jixiao needs Python ${REQUIRED}, but $python is Python ${version}"

    if [[ -x $VENV/bin/python ]] && [[ $(python_version "$VENV/bin/python" 2>/dev/null) == "$REQUIRED" ]] \
            && [[ $(venv_base) == "$(readlink -f "$python")" ]]; then
        say "reusing $PWD/$VENV"
    else
        if [[ -e $VENV ]]; then
            say "rebuilding $PWD/$VENV (missing interpreter, not Python ${REQUIRED} or not made with $python)"
        fi
        rm -rf "$VENV"
        say "creating $PWD/$VENV with $python (Python ${version})"
        "$python" -m venv "$VENV"
    fi

    local pip=("$VENV/bin/python" -m pip --disable-pip-version-check)
    "${pip[@]}" install -qq --upgrade pip
    say "installing jixiao, its web system and its dev tools (pip install -e '.[web,dev]')"
    "${pip[@]}" install -qq -e '.[web,dev]'
    say "ready: $PWD/$VENV/bin/jixiao"
}

main "$@"
