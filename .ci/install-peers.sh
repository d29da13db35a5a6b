#!/usr/bin/env bash
# Installs what the build and the interop tests need on a fresh Debian machine:
# a JDK 17 and Maven if missing, Proton C++ (headers, library, example sources), g++, Python proton,
# openssl (the TLS examples' test certificates are made as the C++ examples' are), and RabbitMQ 3.10
# (the tests start their own nodes, with the AMQP 1.0 plugin enabled offline in each node's folder;
# a RabbitMQ service the package may start is neither used nor touched).
# ActiveMQ Classic and Artemis come from Maven Central with the build.
set -euo pipefail
pkgs=(python3-qpid-proton libqpid-proton-cpp12-dev libqpid-proton-cpp12-dev-doc g++ openssl rabbitmq-server)
command -v javac >/dev/null 2>&1 || pkgs+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || pkgs+=(maven)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "peers installed: ${pkgs[*]}"
