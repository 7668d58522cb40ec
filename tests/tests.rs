//! Integration tests: one test binary, one module per area.

mod util;

mod clean;
mod cli;
mod segmentation;
