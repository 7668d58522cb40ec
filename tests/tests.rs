//! Integration tests: one binary, one module per area.

mod extract_cases;
mod extract_seeds;
