#pragma once
// MPI for the length of one command (batch, portfolio), when the process was started by
// mpirun or srun. Only the main thread calls MPI (MPI_THREAD_FUNNELED): workers compute, the
// main thread sends and receives. Compiled in MPI builds only.
#ifdef DEELSTROOM_HAVE_MPI
#include <cstdlib>

#include <mpi.h>

namespace deelstroom::cli {

/// True when started by mpirun/srun (their launchers set these); a plain start of an MPI
/// build stays one process without initialising MPI (no singleton start-up, no daemons).
inline bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

struct MpiSession {
  bool active = launched_by_mpi();
  int rank = 0, size = 1;
  MpiSession() {
    if (!active) return;
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
  }
  ~MpiSession() {
    if (active) MPI_Finalize();
  }
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
};

}  // namespace deelstroom::cli
#endif
