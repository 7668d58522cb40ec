//! Integration tests: one test binary, one module per area.

mod util;

mod align;
mod baseline;
mod check;
mod ci;
mod ci_cache;
mod ci_printers;
mod clean;
mod cli;
mod cli_usage;
mod compare;
mod extract_cases;
mod extract_seeds;
mod fuzz;
mod html;
mod input_safety;
mod printers;
mod quotes;
mod report;
mod segmentation;
