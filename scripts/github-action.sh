#!/usr/bin/env bash
# The run step of the composite GitHub action (action.yml): builds the kommissorium command line from
# the action's inputs, runs it, and writes its exit code (and output file) as step outputs.
#
# Inputs arrive as environment variables (never spliced into the script text, so a branch name or a
# path cannot inject shell code): INPUT_COMMAND, INPUT_PATHS, INPUT_FORMAT, INPUT_OUTPUT, INPUT_STRICT,
# INPUT_ARGS. Lists (paths, args) are split on whitespace, without globbing or shell evaluation.
set -uo pipefail

KOMMISSORIUM=${KOMMISSORIUM:-kommissorium}
command=${INPUT_COMMAND:-validate}
format=${INPUT_FORMAT:-}
output=${INPUT_OUTPUT:-}
strict=${INPUT_STRICT:-false}

fail() {
  echo "::error title=kommissorium-handlingen::$1"
  exit 2
}

case "$command" in
  validate|render|diff|graph|fmt|schema|site|rules) ;;
  *) fail "Ukendt kommando '$command'. Vælg mellem validate, render, diff, graph, fmt, schema, site og rules." ;;
esac
case "$strict" in
  true|false) ;;
  *) fail "strict skal være true eller false, ikke '$strict'." ;;
esac

set -f  # no globbing when splitting the lists
read -r -a paths <<<"${INPUT_PATHS:-}"
read -r -a extra <<<"${INPUT_ARGS:-}"
set +f

args=("$command")
[ -n "$format" ] && args+=(-f "$format")
[ "$strict" = true ] && args+=(--strict)
# commands that write files take -o; the others print, and their output goes to the file
to_file=""
if [ -n "$output" ]; then
  case "$command" in
    render|graph|site|schema) args+=(-o "$output") ;;
    *) to_file=$output ;;
  esac
fi
args+=("${extra[@]}")
[ "${#paths[@]}" -gt 0 ] && args+=(-- "${paths[@]}")

echo "::group::kommissorium ${args[*]}"
"$KOMMISSORIUM" --version
echo "::endgroup::"
if [ -n "$to_file" ]; then
  mkdir -p "$(dirname "$to_file")"
  "$KOMMISSORIUM" "${args[@]}" >"$to_file"
  status=$?
  cat "$to_file"
else
  "$KOMMISSORIUM" "${args[@]}"
  status=$?
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$status"
    echo "output=$output"
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"
