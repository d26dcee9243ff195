#!/usr/bin/env bash
# Makes sure Debian's Chromium and ChromeDriver are installed for the chat's browser test
# (no browser is downloaded at test time). Does nothing when both are there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
	exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "The chat's browser test needs Chromium and ChromeDriver: sudo apt-get install -y chromium chromium-driver" >&2
	echo "(or skip the test with -Dchat.browser.skip=true)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q chromium chromium-driver || { apt-get update -q && apt-get install -y -q chromium chromium-driver; }
