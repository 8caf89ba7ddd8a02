#pragma once
// The subcommands main.cpp dispatches to (each in its own file).
#include "cli/command.hpp"

namespace deelstroom::cli {

int run_command(const Arguments& args, std::ostream& out, std::ostream& err);
int compare_keys_command(const Arguments& args, std::ostream& out, std::ostream& err);
int report_command(const Arguments& args, std::ostream& out, std::ostream& err);
int validate_command(const Arguments& args, std::ostream& out, std::ostream& err);
int batch_command(const Arguments& args, std::ostream& out, std::ostream& err);
int merge_command(const Arguments& args, std::ostream& out, std::ostream& err);
int bench_command(const Arguments& args, std::ostream& out, std::ostream& err);
int tariffs_command(const Arguments& args, std::ostream& out, std::ostream& err);
int portfolio_command(const Arguments& args, std::ostream& out, std::ostream& err);

}  // namespace deelstroom::cli
