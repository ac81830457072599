#!/usr/bin/env bash
# The GitHub Action's lint steps (action.yml): replylint with this script's arguments,
# then the action's `args` and `files` inputs. Those arrive in REPLYLINT_ARGS and
# REPLYLINT_FILES through `env:`, never pasted into a script (GitHub's security hardening
# guide, "Good practices for mitigating script injection attacks"). Each is split into
# words as a shell splits a command line (white space and newlines separate, quotes
# group, a backslash escapes) by xargs, which expands nothing: no $(…), no `…`, no
# variables, no globs. Globs reach replylint as written and it expands them itself
# (** included). A file name with spaces is quoted: files: '"my replies/a.txt" other.txt'.
set -eo pipefail

# One word per line: xargs refuses a newline inside quotes, so a word never holds one.
words() { printf '%s' "$1" | xargs printf '%s\n'; }

# $(…) runs words in a subshell; set -e stops here on xargs' error (an unmatched quote).
args_list=$(words "${REPLYLINT_ARGS-}")
files_list=$(words "${REPLYLINT_FILES-}")
args=()
while IFS= read -r word; do [ -n "$word" ] && args+=("$word"); done <<< "$args_list"
while IFS= read -r word; do [ -n "$word" ] && args+=("$word"); done <<< "$files_list"

exec node "$(dirname "${BASH_SOURCE[0]}")/../bin/replylint.cjs" "$@" "${args[@]}"
