# shellcheck shell=bash
# Sourced by the release scripts (eng/release/*.sh): the dry run, and step outputs for GitHub Actions.

# SNIPPETCHECK_RELEASE_DRY_RUN=1 (or a script's --dry-run) does everything up to a push or an upload, and prints
# what it would push instead.
release_dry_run() {
  case "${SNIPPETCHECK_RELEASE_DRY_RUN:-}" in
    1 | true) return 0 ;;
    *) return 1 ;;
  esac
}

# Sets a step output (name=value) when the script runs as a GitHub Actions step; a no-op elsewhere.
release_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; fi
}

# A notice in the workflow's summary on GitHub Actions, a plain line elsewhere.
release_notice() {
  if [ -n "${GITHUB_ACTIONS:-}" ]; then echo "::notice::$1"; else echo "notice: $1"; fi
}

# shellcheck disable=SC2034 # The repository root, for the scripts that source this file.
release_root=$(cd "$(dirname "$0")/../.." && pwd)
