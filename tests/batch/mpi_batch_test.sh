#!/usr/bin/env bash
# CTest: `mpirun -n 2 deelstroom batch ...` writes the same files as one process.
# Arguments: CLI binary, source dir, DEELSTROOM_MPI (ON/OFF), mpirun path.
# Exit 77 (CTest: skipped) when the CLI was built without MPI or mpirun is missing.
set -euo pipefail
cli="$1"; source_dir="$2"; mpi_built="$3"; mpirun="${4:-}"
case "$mpi_built" in ON|on|1|TRUE|true|YES|yes) ;; *) echo "MPI not built (-DDEELSTROOM_MPI=ON): skipped"; exit 77;; esac
if [ -z "$mpirun" ] || [ ! -x "$mpirun" ]; then echo "mpirun not found: skipped"; exit 77; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/deelstroom_mpi_test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$source_dir"
study=(batch tests/data/batch/study.csv --scenario tests/data/batch/small.toml --sweep key.rounds=1,2 --draws 3
       --keys static:equal,proportional --threads 1 --quiet)
"$cli" "${study[@]}" --out "$work/single"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
"$mpirun" -n 2 --oversubscribe --allow-run-as-root "$cli" "${study[@]}" --out "$work/mpi"
status=0
for file in cases.csv apartments.csv keys.csv failures.csv summary.csv journal.txt; do
  if cmp "$work/single/$file" "$work/mpi/$file"; then echo "same: $file"; else status=1; fi
done
[ "$status" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$status"
