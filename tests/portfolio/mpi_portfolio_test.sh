#!/usr/bin/env bash
# CTest: `mpirun -n 2 deelstroom portfolio ...` writes the portfolio report of one process.
# Arguments: CLI binary, source dir, DEELSTROOM_MPI (ON/OFF), mpirun path.
# Exit 77 (CTest: skipped) when the CLI was built without MPI or mpirun is missing.
set -euo pipefail
cli="$1"; source_dir="$2"; mpi_built="$3"; mpirun="${4:-}"
case "$mpi_built" in ON|on|1|TRUE|true|YES|yes) ;; *) echo "MPI not built (-DDEELSTROOM_MPI=ON): skipped"; exit 77;; esac
if [ -z "$mpirun" ] || [ ! -x "$mpirun" ]; then echo "mpirun not found: skipped"; exit 77; fi

work="$(mktemp -d "${TMPDIR:-/tmp}/deelstroom_mpi_portfolio.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$source_dir"
run=(portfolio tests/data/portfolio/three.csv --date 2026-01-31 --no-xlsx --threads 1 --quiet)
"$cli" "${run[@]}" --out "$work/single" >/dev/null
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
"$mpirun" -n 2 --oversubscribe --allow-run-as-root "$cli" "${run[@]}" --out "$work/mpi" >/dev/null
status=0
for file in portfolio_results.csv portfolio.html reports/T1.html reports/T2.html reports/T3.html; do
  if cmp "$work/single/$file" "$work/mpi/$file"; then echo "same: $file"; else status=1; fi
done
[ "$status" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$status"
