//! The `sitrep` command line. (Stub: to be implemented.)
fn main() {}
