#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the project's fixtures and rules files, so that each
# fuzzer starts from real reports rather than from nothing. The corpus is not committed:
# run this once before `cargo +nightly fuzz run`, again whenever the fixtures change
# (files already there are kept; libFuzzer adds its own as it goes).
#
#   fuzz/seed-corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus"/{figure_lexer,table_reader,docx_reader,pipeline,config_and_rules}

# A seed named by its content, as libFuzzer names what it adds.
seed() { # seed TARGET < bytes
    local tmp name
    tmp=$(mktemp)
    cat >"$tmp"
    name=$(sha1sum "$tmp" | cut -c1-40)
    mv "$tmp" "$corpus/$1/$name"
}

# Reports: whole, for the table reader and the whole pipeline.
find fixtures -type f \( -name '*.md' -o -name '*.txt' \) | sort | while read -r f; do
    seed table_reader <"$f"
    seed pipeline <"$f"
done

# The lexer's input is a locale byte and then one cell or line: the lines of the
# reports that hold a digit, each in both locales (0: id, 1: en).
find fixtures -type f \( -name '*.md' -o -name '*.txt' \) -exec grep -h '[0-9]' {} + |
    sort -u | sed -n '1,3000p' | while IFS= read -r line; do
        { printf '\0'; printf '%s' "$line"; } | seed figure_lexer
        { printf '\1'; printf '%s' "$line"; } | seed figure_lexer
    done

# Word documents: whole, and their XML unpacked (document.xml, a NUL byte, then
# numbering.xml), which the target reads without the zip around it.
find fixtures -type f -name '*.docx' | sort | while read -r f; do
    seed docx_reader <"$f"
    if command -v unzip >/dev/null; then
        unzip -p "$f" word/document.xml | seed docx_reader
        { unzip -p "$f" word/document.xml; printf '\0'; unzip -p "$f" word/numbering.xml 2>/dev/null || true; } |
            seed docx_reader
    fi
done

# Configuration (selector byte 0) and each rules file (selector 1.. in the order of
# knowledge::RULE_FILES), from the built-in ones and the fixtures.
for f in fixtures/config/*.yaml src/config/starter.yaml; do
    { printf '\0'; cat "$f"; } | seed config_and_rules
done
i=1
for name in vocabulary indicators verdicts policy units names; do
    { printf "\\$(printf '%03o' "$i")"; cat "rules/$name.yaml"; } | seed config_and_rules
    i=$((i + 1))
done

for target in "$corpus"/*/; do
    echo "$(basename "$target"): $(find "$target" -type f | wc -l) files"
done
