//! zelfscan: a guided self-scan for Dutch youth-care regions, run by a
//! facilitator in a workshop. The binary in `main.rs` is a thin shell over
//! these modules; tests use them directly.

pub mod cli;
pub mod commands;
pub mod config;
pub mod i18n;
pub mod model;
pub mod paths;
pub mod plain;
pub mod report;
pub mod storage;
pub mod tui;
pub mod vocab;
