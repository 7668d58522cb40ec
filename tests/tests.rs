//! Integration tests: one test binary, one module per area.

mod util;

mod align;
mod cli;
mod quotes;
