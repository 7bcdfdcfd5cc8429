#!/usr/bin/env bash
# What a blind-set writer must not take: every repository, thread and URL that any fixture under src/test/resources
# cites (corpus and held-out splits, conversations, traces, scanner audits). Written for the writers of the next blind
# splits, who compute it before collecting and never read the engine.
# Usage: bench/blind_exclusions.sh OUT_DIR   -> OUT_DIR/repos.txt (owner/repo, lower case), OUT_DIR/threads.txt
#        (owner/repo#N, lower case), OUT_DIR/urls.txt (every http(s) URL as written), OUT_DIR/names.txt (the repo
#        part of every repository: a fork under another owner, owner2/EasyR1, copies the issues of the one cited)
set -euo pipefail
out=${1:?usage: bench/blind_exclusions.sh OUT_DIR}
cd "$(dirname "$0")/../src/test/resources"
mkdir -p "$out"
{
  grep -rhoE 'github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+' . | sed -E 's#github\.com/##; s/\.git$//'
  grep -rhoE '\b[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+' . | sed 's/#.*//'
  # the "group" of every corpus case is its repository, also where no URL is written
  grep -rhoE '"group" *: *"[^"]+"' . | sed -E 's/.*: *"([^"]+)"/\1/'
  # scanner audits name their repositories as "repo" fields and in SPLIT.md tables, not as URLs
  grep -rhoE '"repo" *: *"[^"]+"' . | sed -E 's/.*: *"([^"]+)"/\1/'
  grep -rhoE '^\| *[0-9]+ *\| *[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+ *\|' . | sed -E 's/^\| *[0-9]+ *\| *//; s/ *\|$//'
} | tr 'A-Z' 'a-z' | grep '/' | sort -u > "$out/repos.txt"
{
  grep -rhoE '\b[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+#[0-9]+' .
  grep -rhoE 'github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/(issues|pull|discussions)/[0-9]+' . \
    | sed -E 's#github\.com/##; s#/(issues|pull|discussions)/#\##'
} | tr 'A-Z' 'a-z' | sort -u > "$out/threads.txt"
grep -rhoE 'https?://[^ ")>`]+' . | sort -u > "$out/urls.txt"
sed 's#.*/##' "$out/repos.txt" | sort -u > "$out/names.txt"
wc -l "$out"/repos.txt "$out"/threads.txt "$out"/urls.txt "$out"/names.txt
