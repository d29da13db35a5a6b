#!/usr/bin/env bash
# Builds the Proton C++ examples that the interop tests run, and our own C++ test programs
# (src/test/cpp/*.cpp): OUT_DIR/NAME for each NAME given.
# Needs Debian's libqpid-proton-cpp12-dev, libqpid-proton-cpp12-dev-doc and g++.
set -euo pipefail
out=${1:?usage: build-examples.sh OUT_DIR NAME...}
shift
here=$(cd "$(dirname "$0")" && pwd)
doc=/usr/share/proton/docs/api-cpp
mkdir -p "$out/src"
python3 "$here/extract_examples.py" "$doc" "$out/src" >/dev/null
cp "$here/options.hpp" "$out/src/"
cp -p "$here"/*.cpp "$out/src/"   # test programs of our own (not C++ examples), such as sasl_connect
for name in "$@"; do
  if [ ! -x "$out/$name" ] || [ "$out/src/$name.cpp" -nt "$out/$name" ]; then
    g++ -O2 -std=c++11 -pthread -I"$out/src" "$out/src/$name.cpp" -o "$out/$name" -lqpid-proton-cpp
  fi
done
