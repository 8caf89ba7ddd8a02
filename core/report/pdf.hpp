#pragma once
// The adviser report as a PDF (A4, page numbers), printed by headless Chromium, a Debian
// package (`apt-get install chromium`): the renderer that also checks the report in the tests.
#include <filesystem>
#include <optional>

namespace deelstroom::report {

/// The browser used for printing: $DEELSTROOM_CHROMIUM when set, else chromium,
/// chromium-browser or google-chrome on the PATH; nullopt when none is found.
std::optional<std::filesystem::path> find_pdf_renderer();

/// Prints the HTML file `html` to `pdf` (written beside it under a temporary name and renamed
/// when complete). Throws InputError naming the PDF path when no renderer is installed (with
/// the apt-get line), when it fails or when it takes longer than `timeout_seconds`.
void print_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf, int timeout_seconds = 120);

}  // namespace deelstroom::report
